// The traversal snapshot's nodes, one page in load order: keyset pagination on the indexed seq ($after = the last seq of
// the previous page, -1 for the first; $limit papers at most). Stubs included; only the small properties.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
RETURN p.seq AS seq, p.id AS id, p.year AS year, coalesce(p.isStub, false) AS isStub, p.community AS community,
       p.pageRank AS pageRank
