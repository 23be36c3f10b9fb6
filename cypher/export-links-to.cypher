// Bulk export, LINKS_TO of a page of papers in load order.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[e:LINKS_TO]->(l:Link)
RETURN size(page) AS pageSize, p.seq AS cursor, CASE WHEN l IS NULL THEN null ELSE p.id END AS paperId, l.url AS url,
       e.kind AS kind
ORDER BY cursor, url
