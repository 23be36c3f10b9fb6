// In-database analytics, after Leiden: one Community node per community id the papers carry, with its size, level
// and a numbered label (the 200 largest are labeled from their members' titles afterwards).
MATCH (p:Paper)
WHERE p.community IS NOT NULL
WITH p.community AS id, count(*) AS size
CREATE (:Community {id: id, level: $level, size: size, label: 'community ' + toString(id)})
RETURN count(*) AS communities
