// Topic layer write, step 5: BROADER between topics (narrower → broader), by canonical name.
UNWIND $rows AS row
MATCH (n:Topic {name: row.narrower})
MATCH (b:Topic {name: row.broader})
MERGE (n)-[:BROADER]->(b)
