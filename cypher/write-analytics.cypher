// Analytics write-back, step 2: per-paper scores ($rows: [{id, values: {pageRank, betweenness, …}}]).
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})
SET p += row.values
