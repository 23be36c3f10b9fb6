// The traversal snapshot's paper–repository links of one page of papers in load order (keyset on the indexed seq), one
// row per pair; a paper without repositories comes as one row with a null url (it only moves the cursor).
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[:REFERENCES_REPO]->(r:Repo)
WITH DISTINCT size(page) AS pageSize, p, r
RETURN pageSize, p.seq AS cursor, r.url AS url
ORDER BY cursor, url
