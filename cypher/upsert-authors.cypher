// Upsert, step 6: authors in source order.
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
MERGE (a:Author {name: row.name})
MERGE (a)-[r:AUTHORED]->(p)
  ON CREATE SET r.position = row.position
