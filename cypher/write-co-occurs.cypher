// Topic layer write, step 5: CO_OCCURS between topics (first → second); the first row of a pair wins.
UNWIND $rows AS row
MATCH (a:Topic {name: row.first})
MATCH (b:Topic {name: row.second})
MERGE (a)-[c:CO_OCCURS]->(b)
  ON CREATE SET c.count = row.count, c.pmi = row.pmi
