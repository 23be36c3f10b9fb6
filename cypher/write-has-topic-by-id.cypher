// Incremental derive write, step 3: HAS_TOPIC by topic id for stored (non-stub) papers; a repeated pair keeps its highest weight.
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
WHERE p.isStub = false
MATCH (t:Topic {id: row.topicId})
MERGE (p)-[h:HAS_TOPIC]->(t)
  ON CREATE SET h.weight = row.weight
  ON MATCH SET h.weight = CASE WHEN row.weight > h.weight THEN row.weight ELSE h.weight END
