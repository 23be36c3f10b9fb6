// Bulk export, :Author nodes a page at a time by name.
MATCH (a:Author)
WHERE a.name > $after
WITH a ORDER BY a.name LIMIT $limit
WITH collect(a) AS page
UNWIND page AS a
RETURN size(page) AS pageSize, a.name AS cursor, a.name AS name
ORDER BY cursor
