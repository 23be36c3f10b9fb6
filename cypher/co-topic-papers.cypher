// A paper's CO_TOPIC neighbours (its top-k), best first, ties by id, with the number of shared topics and the best ones.
MATCH (:Paper {id: $id})-[c:CO_TOPIC]->(p:Paper)
WITH p, c ORDER BY c.weight DESC, p.id LIMIT $first
RETURN p {.*} AS paper, c.weight AS weight, c.shared AS shared, c.reasons AS reasons, c.reasonWeights AS reasonWeights
