// The CO_TOPIC neighbours of several papers (a page of them), at most $first each, best first, ties by id: one read, not one per paper.
UNWIND $ids AS id
MATCH (:Paper {id: id})-[c:CO_TOPIC]->(p:Paper)
WITH id, p, c ORDER BY c.weight DESC, p.id
WITH id, collect({paper: p {.*}, weight: c.weight, reasons: c.reasons, reasonWeights: c.reasonWeights})[0..$first] AS neighbours
UNWIND neighbours AS n
RETURN id, n.paper AS paper, n.weight AS weight, n.reasons AS reasons, n.reasonWeights AS reasonWeights
