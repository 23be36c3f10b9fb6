// Versions (issue 21): the version numbered $number, if there is one.
MATCH (v:Version {number: $number})
RETURN v.number AS number, v.kind AS kind, v.at AS at, v.finishedAt AS finishedAt, coalesce(v.citationsAdded, 0) AS citationsAdded
