// The co-topic graph's edges: every CO_TOPIC (paper → neighbour) with its weight, in position order.
MATCH (s:Paper)-[c:CO_TOPIC]->(d:Paper)
WITH s, d, c ORDER BY s.seq, d.seq
RETURN s.id AS source, d.id AS target, c.weight AS weight
