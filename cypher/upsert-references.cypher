// Upsert, step 5: explicit citations from a source's references; an unknown cited paper becomes a stub until it arrives.
// c.version: the version (issue 21) whose run created the citation; null when written outside a run.
CALL () {
  OPTIONAL MATCH (q:Paper) WHERE q.seq IS NOT NULL
  WITH q ORDER BY q.seq DESC LIMIT 1
  RETURN coalesce(q.seq, 0) AS base
}
UNWIND $rows AS row
MERGE (e:ExternalId {key: row.key})
  ON CREATE SET e.kind = row.kind, e.value = row.value, e.paperId = row.stubId
WITH base, row, e
MERGE (dst:Paper {id: e.paperId})
  ON CREATE SET dst.seq = base + row.index, dst.title = row.stubTitle, dst.titleKey = '',
                dst.arxivId = row.stubArxivId, dst.doi = row.stubDoi, dst.isStub = true
WITH row, dst
MATCH (src:Paper {id: row.paperId})
MERGE (src)-[c:CITES {kind: 'explicit'}]->(dst)
  ON CREATE SET c.confidence = 1.0, c.evidence = row.evidence, c.version = $version
