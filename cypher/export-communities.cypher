// Bulk export, :Community nodes a page at a time by id; the key is the id as text (its ID space's id).
MATCH (c:Community)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $limit
WITH collect(c) AS page
UNWIND page AS c
RETURN size(page) AS pageSize, c.id AS cursor, toString(c.id) AS key, c.id AS id, c.level AS level, c.size AS size,
       c.label AS label
ORDER BY cursor
