// Versions (issue 21): versions numbered after $after, oldest first, at most $first (through the version_number constraint).
MATCH (v:Version) WHERE v.number > $after
RETURN v.number AS number, v.kind AS kind, v.at AS at, v.finishedAt AS finishedAt, coalesce(v.citationsAdded, 0) AS citationsAdded
ORDER BY v.number
LIMIT $first
