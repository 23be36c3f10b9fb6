// Bulk export, CO_OCCURS of a page of topics by id.
MATCH (a:Topic)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
WITH collect(a) AS page
UNWIND page AS a
OPTIONAL MATCH (a)-[c:CO_OCCURS]->(b:Topic)
RETURN size(page) AS pageSize, a.id AS cursor, CASE WHEN b IS NULL THEN null ELSE a.id END AS first, b.id AS second,
       c.count AS count, c.pmi AS pmi
ORDER BY cursor, second
