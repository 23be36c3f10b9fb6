// The snapshot's co-topic edges (paper → neighbour, with weight) of one page of papers in load order (keyset on the
// indexed seq), ends named by seq; a paper without co-topic edges comes as one row with a null target.
MATCH (s:Paper)
WHERE s.seq > $after
WITH s ORDER BY s.seq LIMIT $limit
WITH collect(s) AS page
UNWIND page AS s
OPTIONAL MATCH (s)-[c:CO_TOPIC]->(d:Paper)
RETURN size(page) AS pageSize, s.seq AS cursor, d.seq AS target, c.weight AS weight
ORDER BY cursor, target
