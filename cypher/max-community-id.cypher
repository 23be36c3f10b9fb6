// The highest community id any analytics run gave (stored communities and earlier runs' records); null when none.
OPTIONAL MATCH (r:AnalyticsRun)
WITH max(r.maxCommunity) AS before
OPTIONAL MATCH (c:Community)
WITH before, max(c.id) AS stored
RETURN CASE WHEN before IS NULL OR stored > before THEN stored ELSE before END AS maxId
