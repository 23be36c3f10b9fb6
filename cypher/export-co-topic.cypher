// Bulk export, CO_TOPIC of a page of papers in load order.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[c:CO_TOPIC]->(o:Paper)
RETURN size(page) AS pageSize, p.seq AS cursor, CASE WHEN o IS NULL THEN null ELSE p.id END AS paperId, o.id AS otherId,
       c.weight AS weight, c.shared AS shared, c.reasons AS reasons
ORDER BY cursor, otherId
