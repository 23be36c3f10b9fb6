// Incremental derive: each named paper's HAS_TOPIC rows by topic id, strongest first.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[h:HAS_TOPIC]->(t:Topic)
WITH p, h, t ORDER BY p.id, h.weight DESC, t.name
RETURN p.id AS paperId, t.id AS topicId, h.weight AS weight
