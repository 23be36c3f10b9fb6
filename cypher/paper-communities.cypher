// Each paper's community at one hierarchy level ($level, 0 = coarsest; a run without levels has level 0 only).
UNWIND $ids AS id
MATCH (p:Paper {id: id})
WITH p, coalesce(p.communityPath, CASE WHEN p.community IS NULL THEN [] ELSE [p.community] END) AS path
WHERE $level < size(path)
RETURN p.id AS id, path[$level] AS community
