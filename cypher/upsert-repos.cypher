// Upsert, step 7: code repositories a paper references, with the text each was found as.
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
MERGE (r:Repo {url: row.url})
  ON CREATE SET r.host = row.host, r.owner = row.owner, r.name = row.name
MERGE (p)-[:REFERENCES_REPO {evidence: row.evidence}]->(r)
