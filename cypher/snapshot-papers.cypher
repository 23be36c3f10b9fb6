// The traversal snapshot's nodes: every paper (stubs included) in position order, with its small properties.
MATCH (p:Paper)
RETURN p.id AS id, p.year AS year, coalesce(p.isStub, false) AS isStub, p.community AS community, p.pageRank AS pageRank
ORDER BY p.seq
