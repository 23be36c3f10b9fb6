// Topic layer write, step 4: CO_TOPIC from each paper's top-k list (directed: paper → neighbour); the first row of a
// pair wins. reasons: the best shared topics; reasonWeights: what each contributed to the weight (same order).
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
WHERE p.isStub = false
MATCH (o:Paper {id: row.otherId})
WHERE o.isStub = false AND o <> p
MERGE (p)-[c:CO_TOPIC]->(o)
  ON CREATE SET c.weight = row.weight, c.shared = row.shared, c.reasons = row.reasons, c.reasonWeights = row.reasonWeights
