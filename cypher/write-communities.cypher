// Analytics write-back, step 3b: this run's communities, every level (ids unique across levels; parent one level up).
UNWIND $rows AS row
CREATE (:Community {id: row.id, level: row.level, size: row.size, label: row.label, parent: row.parent, centralPapers: row.central})
