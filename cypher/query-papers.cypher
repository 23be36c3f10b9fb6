// One page of papers matching a filter, in position order, after position $after (keyset paging).
MATCH (p:Paper)
WHERE p.isStub = false AND p.seq > $after
  AND ($ids IS NULL OR p.id IN $ids)
  AND ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($community IS NULL OR $community IN coalesce(p.communityPath, [p.community]))
  AND ($hasRepo IS NULL OR EXISTS { (p)-[:REFERENCES_REPO]->(:Repo) } = $hasRepo)
WITH p ORDER BY p.seq LIMIT $limit
RETURN p.seq AS position, p {.*} AS paper
