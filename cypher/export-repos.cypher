// Bulk export, :Repo nodes a page at a time by url.
MATCH (r:Repo)
WHERE r.url > $after
WITH r ORDER BY r.url LIMIT $limit
WITH collect(r) AS page
UNWIND page AS r
RETURN size(page) AS pageSize, r.url AS cursor, r.url AS url, r.host AS host, r.owner AS owner, r.name AS name
ORDER BY cursor
