// Analytics write-back, step 4: (:Paper)-[:IN_COMMUNITY]->(:Community) from each paper's community at every level
// (communityPath, coarse to fine; a run without levels leaves only community).
CALL () {
  MATCH (:Paper)-[r:IN_COMMUNITY]->(:Community)
  DELETE r
}
MATCH (p:Paper)
WHERE p.community IS NOT NULL
UNWIND coalesce(p.communityPath, [p.community]) AS id
MATCH (c:Community {id: id})
MERGE (p)-[:IN_COMMUNITY]->(c)
