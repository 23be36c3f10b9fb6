// Bulk export, :ExternalId nodes a page at a time by key (the unique constraint's index).
MATCH (e:ExternalId)
WHERE e.key > $after
WITH e ORDER BY e.key LIMIT $limit
WITH collect(e) AS page
UNWIND page AS e
RETURN size(page) AS pageSize, e.key AS cursor, e.key AS key, e.kind AS kind, e.value AS value, e.paperId AS paperId
ORDER BY cursor
