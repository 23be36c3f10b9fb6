// Bulk export, ALIAS_OF of a page of topic aliases by alias.
MATCH (a:TopicAlias)
WHERE a.alias > $after
WITH a ORDER BY a.alias LIMIT $limit
WITH collect(a) AS page
UNWIND page AS a
OPTIONAL MATCH (a)-[:ALIAS_OF]->(t:Topic)
RETURN size(page) AS pageSize, a.alias AS cursor, CASE WHEN t IS NULL THEN null ELSE a.alias END AS alias, t.id AS topicId
ORDER BY cursor, topicId
