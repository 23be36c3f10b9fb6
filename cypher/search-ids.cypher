// Ids of every paper matching a full-text query: the text condition of a paper filter.
CALL db.index.fulltext.queryNodes('paper_text', $query) YIELD node
WHERE node.isStub = false
RETURN collect(node.id) AS ids
