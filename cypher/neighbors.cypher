// One hop of the citation graph from a set of papers: what each cites ($outgoing) and what cites it ($incoming).
// Lineage to a depth and subgraphs are breadth-first walks of this statement, one hop per request.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[c:CITES]-(n:Paper)
WITH p, c, n, startNode(c) = p AS outgoing
WHERE ((outgoing AND $outgoing) OR (NOT outgoing AND $incoming))
  AND ($kind IS NULL OR c.kind = $kind) AND c.confidence >= $minConfidence
RETURN p.id AS id, n.id AS neighbor, outgoing, c.kind AS kind, c.confidence AS confidence, c.evidence AS evidence
ORDER BY id, neighbor, kind
LIMIT $limit
