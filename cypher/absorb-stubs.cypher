// Upsert, step 3b: a stub merges into the real paper: its citations and ids move over, what would duplicate is dropped.
UNWIND $rows AS row
MATCH (stub:Paper {id: row.stubId, isStub: true})
MATCH (p:Paper {id: row.paperId})
CALL (stub, p) {
  MATCH (src:Paper)-[c:CITES]->(stub)
  MERGE (src)-[moved:CITES {kind: c.kind}]->(p)
    ON CREATE SET moved.confidence = c.confidence, moved.evidence = c.evidence
}
CALL (stub, p) {
  MATCH (stub)-[c:CITES]->(dst:Paper)
  MERGE (p)-[moved:CITES {kind: c.kind}]->(dst)
    ON CREATE SET moved.confidence = c.confidence, moved.evidence = c.evidence
}
CALL (stub, p) {
  MATCH (e:ExternalId {paperId: stub.id})
  SET e.paperId = p.id
}
DETACH DELETE stub
