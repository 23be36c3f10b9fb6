// Analytics write-back, step 6: the latest run's community events (BORN, GREW, SHRANK, MERGED, SPLIT, DIED), each with the
// communities on the other side and their Jaccard overlap, keyed by the run's seq.
MATCH (r:AnalyticsRun)
WITH r ORDER BY r.seq DESC LIMIT 1
UNWIND $rows AS row
CREATE (:CommunityEvent {
  run: r.seq, seq: row.seq, ranAt: r.ranAt, level: row.level, kind: row.kind, community: row.community,
  size: row.size, previousSize: row.previousSize, relatedIds: row.relatedIds, relatedJaccard: row.relatedJaccard
})
