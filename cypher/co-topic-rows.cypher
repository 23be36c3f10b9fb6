// Incremental derive: the stored CO_TOPIC lists (top-k rows) of the named papers.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[c:CO_TOPIC]->(o:Paper)
RETURN p.id AS paperId, o.id AS otherId, c.weight AS weight, c.shared AS shared, coalesce(c.reasons, []) AS reasons,
       coalesce(c.reasonWeights, []) AS reasonWeights
ORDER BY paperId, weight DESC, otherId
