// The traversal snapshot's paper–repository links, one per pair.
MATCH (p:Paper)-[:REFERENCES_REPO]->(r:Repo)
WITH DISTINCT p, r
ORDER BY p.seq, r.url
RETURN p.id AS paperId, r.url AS url
