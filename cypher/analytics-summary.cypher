// The last analytics run and the number of communities it left.
MATCH (r:AnalyticsRun)
WITH r ORDER BY r.seq DESC LIMIT 1
RETURN r.ranAt AS ranAt, r.graph AS graph, r.algorithms AS algorithms, r.modularity AS modularity,
       COUNT { MATCH (c:Community) WHERE c.level = 0 } AS communities
