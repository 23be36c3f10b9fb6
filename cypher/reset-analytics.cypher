// Analytics write-back, step 1: forget the previous run's values of what this run computed ($reset: property names).
MATCH (p:Paper)
SET p.pageRank = CASE WHEN 'pageRank' IN $reset THEN null ELSE p.pageRank END,
    p.betweenness = CASE WHEN 'betweenness' IN $reset THEN null ELSE p.betweenness END,
    p.community = CASE WHEN 'community' IN $reset THEN null ELSE p.community END,
    p.communityPath = CASE WHEN 'community' IN $reset THEN null ELSE p.communityPath END,
    p.coreNumber = CASE WHEN 'coreNumber' IN $reset THEN null ELSE p.coreNumber END,
    p.component = CASE WHEN 'component' IN $reset THEN null ELSE p.component END
