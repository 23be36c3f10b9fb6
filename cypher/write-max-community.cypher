// Analytics write-back, step 5b: the highest community id given up to the latest run, so no later run gives a dead
// community's id to another one.
MATCH (r:AnalyticsRun)
WITH max(r.maxCommunity) AS before, max(r.seq) AS latest
OPTIONAL MATCH (c:Community)
WITH before, latest, max(c.id) AS stored
MATCH (r:AnalyticsRun {seq: latest})
SET r.maxCommunity = CASE WHEN before IS NULL OR stored > before THEN stored ELSE before END
