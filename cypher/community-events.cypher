// Community events of the analytics runs numbered above $after (and at most $until when given), by run, level and order.
MATCH (e:CommunityEvent)
WHERE e.run > $after AND ($until IS NULL OR e.run <= $until)
RETURN e.run AS run, e.ranAt AS ranAt, e.level AS level, e.kind AS kind, e.community AS community, e.size AS size,
       e.previousSize AS previousSize, e.relatedIds AS relatedIds, e.relatedJaccard AS relatedJaccard
ORDER BY run, level, e.seq
