// Upsert, step 8: other links a paper names (project pages, model-hub artifacts, datasets).
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
MERGE (l:Link {url: row.url})
MERGE (p)-[r:LINKS_TO]->(l)
  ON CREATE SET r.kind = row.kind
