// Which papers have an embedding, and of which text: a page at a time in paper id order.
MATCH (e:Embedding)
WHERE e.paperId > $after
RETURN e.paperId AS paperId, e.textHash AS textHash
ORDER BY paperId
LIMIT $limit
