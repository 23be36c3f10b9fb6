// Identity keys of every paper, a page at a time in position order, for the resolver (stubs included).
MATCH (p:Paper)
WHERE p.seq > $after
WITH p ORDER BY p.seq LIMIT $limit
OPTIONAL MATCH (e:ExternalId {paperId: p.id})
WHERE NOT e.kind IN ['Arxiv', 'Doi']
WITH p, collect(e {.kind, .value}) AS others
RETURN p.seq AS seq, p.id AS id, p.arxivId AS arxivId, p.doi AS doi, p.titleKey AS titleKey, p.year AS year,
       p.isStub AS isStub, others
ORDER BY seq
