// Versions (issue 21): a run's end. Its summary counts what it created: citations through the cites_version index (each
// CITES keeps the version that created it). Papers added, merged and fields changed are not recorded on Neo4j (yet), so
// they count 0. Returns the finished version.
MATCH (v:Version {number: $number})
CALL (v) {
  OPTIONAL MATCH ()-[c:CITES]->() WHERE c.version = v.number
  RETURN count(c) AS citationsAdded
}
SET v.finishedAt = $at, v.citationsAdded = citationsAdded
RETURN v.number AS number, v.kind AS kind, v.at AS at, v.finishedAt AS finishedAt, v.citationsAdded AS citationsAdded
