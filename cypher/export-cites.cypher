// Bulk export, CITES (explicit and inferred) of a page of citing papers in load order.
MATCH (s:Paper)
WHERE s.seq > $after
WITH s ORDER BY s.seq LIMIT $limit
WITH collect(s) AS page
UNWIND page AS s
OPTIONAL MATCH (s)-[c:CITES]->(d:Paper)
RETURN size(page) AS pageSize, s.seq AS cursor,
       CASE WHEN c IS NULL THEN null ELSE s.id END AS source, d.id AS target, c.kind AS kind,
       c.confidence AS confidence, c.evidence AS evidence
ORDER BY cursor, target, kind
