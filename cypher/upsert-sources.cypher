// Upsert, step 1: each record becomes a :Source of its paper (provenance); new papers get the next positions.
// $rows: [{paperId, key, index, source, line, format, title, titleKey, abstract, published, authorsCount, organization,
//          upvotes, arxivId, doi}]
CALL () {
  OPTIONAL MATCH (q:Paper) WHERE q.seq IS NOT NULL
  WITH q ORDER BY q.seq DESC LIMIT 1
  RETURN coalesce(q.seq, 0) AS base
}
UNWIND $rows AS row
MERGE (p:Paper {id: row.paperId})
  ON CREATE SET p.seq = base + row.index, p.title = row.title, p.titleKey = row.titleKey, p.isStub = false
MERGE (s:Source {key: row.key})
SET s.paperId = row.paperId, s.source = row.source, s.line = row.line, s.format = row.format, s.title = row.title,
    s.abstract = row.abstract, s.published = row.published, s.authorsCount = row.authorsCount,
    s.organization = row.organization, s.upvotes = row.upvotes, s.arxivId = row.arxivId, s.doi = row.doi
MERGE (p)-[:FROM_SOURCE]->(s)
