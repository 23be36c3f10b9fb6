// The topics of each paper (HAS_TOPIC), strongest first, ties by name.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[h:HAS_TOPIC]->(t:Topic)
WITH p, h, t ORDER BY p.id, h.weight DESC, t.name
RETURN p.id AS paperId, t {.name, .aliases, .df, .idf, .byYear, .growth} AS topic, h.weight AS weight
