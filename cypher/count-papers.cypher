// How many papers match a filter (every condition whose parameter is not null must hold; $ids from search-ids).
MATCH (p:Paper)
WHERE p.isStub = false
  AND ($ids IS NULL OR p.id IN $ids)
  AND ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($community IS NULL OR $community IN coalesce(p.communityPath, [p.community]))
  AND ($hasRepo IS NULL OR EXISTS { (p)-[:REFERENCES_REPO]->(:Repo) } = $hasRepo)
RETURN count(p) AS total
