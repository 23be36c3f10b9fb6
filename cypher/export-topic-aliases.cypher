// Bulk export, :TopicAlias nodes a page at a time by alias.
MATCH (a:TopicAlias)
WHERE a.alias > $after
WITH a ORDER BY a.alias LIMIT $limit
WITH collect(a) AS page
UNWIND page AS a
RETURN size(page) AS pageSize, a.alias AS cursor, a.alias AS alias
ORDER BY cursor
