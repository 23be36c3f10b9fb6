// Incremental derive write, last step: the df of each topic whose papers changed is the papers now carrying it.
UNWIND $topics AS id
MATCH (t:Topic {id: id})
SET t.df = COUNT { (:Paper)-[:HAS_TOPIC]->(t) }
