// Every embedding with its vector, a page at a time in paper id order (the API builds its in-memory index from them).
MATCH (e:Embedding)
WHERE e.paperId > $after
RETURN e.paperId AS paperId, e.textHash AS textHash, e.vector AS vector
ORDER BY paperId
LIMIT $limit
