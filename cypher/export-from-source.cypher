// Bulk export, FROM_SOURCE of a page of papers in load order.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[:FROM_SOURCE]->(s:Source)
RETURN size(page) AS pageSize, p.seq AS cursor, CASE WHEN s IS NULL THEN null ELSE p.id END AS paperId, s.key AS key
ORDER BY cursor, key
