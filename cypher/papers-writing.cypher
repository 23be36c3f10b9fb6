// Incremental derive: for each phrase, the non-stub papers whose title or abstract holds it (the full-text index, a
// Lucene phrase query built from letters and digits only), at most $limit each, in position order.
UNWIND $phrases AS phrase
CALL (phrase) {
  CALL db.index.fulltext.queryNodes('paper_text', phrase.query) YIELD node
  WITH node WHERE node.isStub = false
  WITH node ORDER BY node.seq
  LIMIT $limit
  RETURN collect(node.id) AS ids
}
RETURN phrase.phrase AS phrase, ids
