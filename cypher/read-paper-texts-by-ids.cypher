// Incremental derive: what the derive pass reads (as read-paper-texts) of the named non-stub papers, in position order.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
WHERE p.isStub = false
CALL (p) {
  OPTIONAL MATCH (a:Author)-[r:AUTHORED]->(p)
  WITH a, r ORDER BY r.position, a.name
  RETURN collect(a.name) AS authors
}
RETURN p.seq AS seq, p.id AS id, p.title AS title, p.abstract AS abstract, p.year AS year, p.published AS published,
       p.arxivId AS arxivId, p.doi AS doi, authors, coalesce(p.keywords, []) AS keywords,
       coalesce(p.mentions, []) AS mentions
ORDER BY seq
