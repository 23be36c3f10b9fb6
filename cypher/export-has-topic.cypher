// Bulk export, HAS_TOPIC of a page of papers in load order.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
RETURN size(page) AS pageSize, p.seq AS cursor, CASE WHEN t IS NULL THEN null ELSE p.id END AS paperId, t.id AS topicId,
       h.weight AS weight
ORDER BY cursor, topicId
