// Incremental derive write, step 1: the topics the papers carry before (their df is recounted at the end).
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:HAS_TOPIC]->(t:Topic)
RETURN DISTINCT t.id AS topicId
