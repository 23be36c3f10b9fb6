// In-database analytics, labeling: the $first largest communities with the titles of their most central members
// ($sample per community, by PageRank when computed), as the in-process runner labels them.
MATCH (c:Community)
WITH c ORDER BY c.size DESC, c.id LIMIT $first
CALL (c) {
  MATCH (p:Paper)-[:IN_COMMUNITY]->(c)
  WITH p ORDER BY coalesce(p.pageRank, 0) DESC, p.seq LIMIT $sample
  RETURN collect(p.title) AS titles
}
RETURN c.id AS id, c.size AS size, titles
