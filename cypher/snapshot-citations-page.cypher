// The traversal snapshot's citations of one page of citing papers in load order (keyset on the indexed seq), one row per
// cited pair, ends named by seq (numbers, not ids: the snapshot maps them to positions). A pair cited explicitly is
// explicit even if also inferred. A citing paper without citations comes as one row with a null target: it only moves
// the cursor. pageSize < $limit means this was the last page.
MATCH (s:Paper)
WHERE s.seq > $after
WITH s ORDER BY s.seq LIMIT $limit
WITH collect(s) AS page
UNWIND page AS s
OPTIONAL MATCH (s)-[c:CITES]->(d:Paper)
WITH size(page) AS pageSize, s, d, collect(c) AS cs
WITH pageSize, s, d, [x IN cs WHERE x.kind = 'explicit'] AS explicit, [x IN cs WHERE x.kind = 'inferred'] AS inferred
RETURN pageSize, s.seq AS cursor, d.seq AS target, size(explicit) = 0 AS inferred,
       CASE WHEN size(explicit) = 0 THEN inferred[0].confidence ELSE 1.0 END AS confidence,
       CASE WHEN size(explicit) = 0 THEN inferred[0].evidence ELSE null END AS evidence
ORDER BY cursor, target
