// What the topic and lineage derive pass reads of every non-stub paper, a page at a time in position order: text, dates,
// ids, authors in order, keywords and mentioned ids ("Kind:value").
MATCH (p:Paper)
WHERE p.seq > $after AND p.isStub = false
WITH p ORDER BY p.seq LIMIT $limit
CALL (p) {
  OPTIONAL MATCH (a:Author)-[r:AUTHORED]->(p)
  WITH a, r ORDER BY r.position, a.name
  RETURN collect(a.name) AS authors
}
RETURN p.seq AS seq, p.id AS id, p.title AS title, p.abstract AS abstract, p.year AS year, p.published AS published,
       p.arxivId AS arxivId, p.doi AS doi, authors, coalesce(p.keywords, []) AS keywords,
       coalesce(p.mentions, []) AS mentions
ORDER BY seq
