// The papers whose embeddings are nearest a query vector, through the paper_embedding vector index. Neo4j's cosine
// score is (1 + cosine) / 2; the store turns it back into the cosine.
CALL db.index.vector.queryNodes('paper_embedding', $first, $vector) YIELD node, score
RETURN node.paperId AS paperId, score
ORDER BY score DESC, paperId
