// Full-text search over title and abstract, best first. $query is built from the user's words only (Lucene-safe).
CALL db.index.fulltext.queryNodes('paper_text', $query) YIELD node, score
WHERE node.isStub = false
WITH node, score ORDER BY score DESC, node.seq LIMIT $first
RETURN node {.*} AS paper, score
