// Bulk export, REFERENCES_REPO of a page of papers in load order.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[e:REFERENCES_REPO]->(r:Repo)
RETURN size(page) AS pageSize, p.seq AS cursor, CASE WHEN r IS NULL THEN null ELSE p.id END AS paperId, r.url AS url,
       e.evidence AS evidence
ORDER BY cursor, url, evidence
