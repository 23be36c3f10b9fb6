// The stored reasons of CO_TOPIC pairs, looked up from either paper's side (the asked direction first): one read for
// all the pairs of a path or subgraph.
UNWIND range(0, size($pairs) - 1) AS i
WITH i, $pairs[i][0] AS a, $pairs[i][1] AS b
MATCH (pa:Paper {id: a})-[c:CO_TOPIC]-(pb:Paper {id: b})
WITH i, a, b, c, CASE WHEN startNode(c) = pa THEN 0 ELSE 1 END AS side ORDER BY i, side
WITH i, a, b, collect(c)[0] AS edge
RETURN a, b, edge.weight AS weight, edge.reasons AS reasons, edge.reasonWeights AS reasonWeights
