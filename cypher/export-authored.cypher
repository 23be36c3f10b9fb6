// Bulk export, AUTHORED into a page of papers in load order, each paper's authors in position order.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (a:Author)-[e:AUTHORED]->(p)
RETURN size(page) AS pageSize, p.seq AS cursor, a.name AS name, CASE WHEN a IS NULL THEN null ELSE p.id END AS paperId,
       e.position AS position
ORDER BY cursor, position, name
