// Bulk export, IN_COMMUNITY of a page of papers in load order; the community's key is its id as text.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[:IN_COMMUNITY]->(c:Community)
RETURN size(page) AS pageSize, p.seq AS cursor, CASE WHEN c IS NULL THEN null ELSE p.id END AS paperId,
       toString(c.id) AS community
ORDER BY cursor, community
