// The top papers by a metric ($metric: pageRank, betweenness, core, citations), best first, ties broken by id.
MATCH (p:Paper)
WHERE p.isStub = false
  AND ($ids IS NULL OR p.id IN $ids)
  AND ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($community IS NULL OR $community IN coalesce(p.communityPath, [p.community]))
  AND ($hasRepo IS NULL OR EXISTS { (p)-[:REFERENCES_REPO]->(:Repo) } = $hasRepo)
WITH p, CASE $metric
    WHEN 'pageRank' THEN p.pageRank
    WHEN 'betweenness' THEN p.betweenness
    WHEN 'core' THEN toFloat(p.coreNumber)
    ELSE toFloat(COUNT { (p)<-[:CITES]-(:Paper) })
  END AS score
WHERE score IS NOT NULL
WITH p, score ORDER BY score DESC, p.id LIMIT $first
RETURN p {.*} AS paper, score
