// Bulk export, :Link nodes a page at a time by url.
MATCH (l:Link)
WHERE l.url > $after
WITH l ORDER BY l.url LIMIT $limit
WITH collect(l) AS page
UNWIND page AS l
RETURN size(page) AS pageSize, l.url AS cursor, l.url AS url
ORDER BY cursor
