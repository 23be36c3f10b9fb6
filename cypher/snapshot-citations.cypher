// The traversal snapshot's citations, one per cited pair; a pair cited explicitly is explicit even if also inferred.
MATCH (s:Paper)-[c:CITES]->(d:Paper)
WITH s, d, collect(c) AS cs
WITH s, d, [x IN cs WHERE x.kind = 'explicit'] AS explicit, [x IN cs WHERE x.kind = 'inferred'] AS inferred
ORDER BY s.seq, d.seq
RETURN s.id AS source, d.id AS target, size(explicit) = 0 AS inferred,
       CASE WHEN size(explicit) = 0 THEN inferred[0].confidence ELSE 1.0 END AS confidence,
       CASE WHEN size(explicit) = 0 THEN inferred[0].evidence ELSE null END AS evidence
