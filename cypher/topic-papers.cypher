// Incremental derive: the papers carrying a topic (HAS_TOPIC, strongest first), at most $limit: the co-topic postings.
MATCH (t:Topic {id: $topic})<-[h:HAS_TOPIC]-(p:Paper)
WITH p, h ORDER BY h.weight DESC, p.seq
LIMIT $limit
RETURN p.id AS paperId
