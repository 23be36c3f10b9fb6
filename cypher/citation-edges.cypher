// The citation graph's edges, one per cited pair whatever its kinds, in position order.
MATCH (s:Paper)-[c:CITES]->(d:Paper)
WHERE ($kind IS NULL OR c.kind = $kind) AND c.confidence >= $minConfidence
WITH DISTINCT s, d ORDER BY s.seq, d.seq
RETURN s.id AS source, d.id AS target
