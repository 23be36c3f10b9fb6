// A page of a paper's citations in one direction ($outgoing: what it cites, else what cites it), of one $kind (null:
// both), at least $minConfidence: most confident first, then explicit before inferred, then position order; and the total.
MATCH (me:Paper {id: $id})
CALL (me) {
  MATCH (me)-[c:CITES]->(p:Paper)
  WHERE $outgoing
  RETURN c, p
  UNION ALL
  MATCH (me)<-[c:CITES]-(p:Paper)
  WHERE NOT $outgoing
  RETURN c, p
}
WITH c, p
WHERE ($kind IS NULL OR c.kind = $kind) AND c.confidence >= $minConfidence
WITH c, p ORDER BY c.confidence DESC, c.kind, p.seq
WITH collect({c: c, p: p}) AS ranked
RETURN size(ranked) AS total,
       [x IN ranked[$after..$after + $first] | {paper: properties(x.p), kind: x.c.kind, confidence: x.c.confidence,
                                             evidence: x.c.evidence}] AS items
