// Analytics write-back, step 3b: this run's communities.
UNWIND $rows AS row
CREATE (:Community {id: row.id, level: row.level, size: row.size, label: row.label})
