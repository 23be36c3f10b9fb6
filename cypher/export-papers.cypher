// Bulk export (neo4j-admin files), :Paper nodes a page at a time in load order: keyset on seq, so a page costs an index
// seek however far the export has got. pageSize and cursor drive the paging.
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
WITH collect(p) AS page
UNWIND page AS p
RETURN size(page) AS pageSize, p.seq AS cursor,
       p.id AS id, p.seq AS seq, p.title AS title, p.titleKey AS titleKey, p.abstract AS abstract, p.year AS year,
       p.published AS published, p.authorsCount AS authorsCount, p.organization AS organization, p.upvotes AS upvotes,
       p.arxivId AS arxivId, p.doi AS doi, coalesce(p.isStub, false) AS isStub, p.keywords AS keywords,
       p.mentions AS mentions, p.pageRank AS pageRank, p.betweenness AS betweenness, p.community AS community,
       p.coreNumber AS coreNumber, p.component AS component
ORDER BY cursor
