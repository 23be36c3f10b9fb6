// Bulk export, :Topic nodes a page at a time by id.
MATCH (t:Topic)
WHERE t.id > $after
WITH t ORDER BY t.id LIMIT $limit
WITH collect(t) AS page
UNWIND page AS t
RETURN size(page) AS pageSize, t.id AS cursor, t.id AS id, t.name AS name, t.aliases AS aliases, t.df AS df, t.idf AS idf
ORDER BY cursor
