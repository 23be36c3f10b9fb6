// CITES between stored papers; an explicit citation is never replaced by an inferred one. Returns how many were written.
// c.version: the version (issue 21) whose run created the citation; null when written outside a run.
UNWIND $rows AS row
MATCH (s:Paper {id: row.from})
MATCH (d:Paper {id: row.to})
WHERE s <> d AND (row.kind = 'explicit' OR NOT EXISTS { (s)-[:CITES {kind: 'explicit'}]->(d) })
MERGE (s)-[c:CITES {kind: row.kind}]->(d)
  ON CREATE SET c.confidence = row.confidence, c.evidence = row.evidence, c.version = $version
  ON MATCH SET c.confidence = CASE WHEN row.confidence > c.confidence THEN row.confidence ELSE c.confidence END,
               c.evidence = coalesce(c.evidence, row.evidence)
RETURN count(*) AS written
