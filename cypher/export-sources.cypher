// Bulk export, :Source nodes (provenance) of a page of papers in load order; a paper without sources (a stub) gives one
// row of nulls that the reader skips, so every page moves the cursor.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
OPTIONAL MATCH (p)-[:FROM_SOURCE]->(s:Source)
RETURN size(page) AS pageSize, p.seq AS cursor,
       s.key AS key, p.id AS paperId, s.source AS source, s.line AS line, s.format AS format, s.title AS title,
       s.abstract AS abstract, s.published AS published, s.authorsCount AS authorsCount, s.organization AS organization,
       s.upvotes AS upvotes, s.arxivId AS arxivId, s.doi AS doi
ORDER BY cursor, source, line
