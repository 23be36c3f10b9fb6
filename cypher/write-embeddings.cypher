// The derive pass's sentence embeddings: one :Embedding node per known paper, replaced with its text hash. The vector is
// set through db.create.setNodeVectorProperty, which checks it and stores it as a float32 array.
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
MERGE (e:Embedding {paperId: row.paperId})
MERGE (p)-[:HAS_EMBEDDING]->(e)
SET e.textHash = row.textHash
WITH e, row
CALL db.create.setNodeVectorProperty(e, 'vector', row.vector)
RETURN count(e) AS written
