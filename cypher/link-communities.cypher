// Analytics write-back, step 4: (:Paper)-[:IN_COMMUNITY]->(:Community) from each paper's community id.
CALL () {
  MATCH (:Paper)-[r:IN_COMMUNITY]->(:Community)
  DELETE r
}
MATCH (p:Paper)
WHERE p.community IS NOT NULL
MATCH (c:Community {id: p.community})
MERGE (p)-[:IN_COMMUNITY]->(c)
