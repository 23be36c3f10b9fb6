// Versions (issue 21): a load or ingest run's version, made by its first write (its own small transaction, so the number
// is known before the batch that stamps it on the citations it creates). The StoreState 'versions' counter numbers
// versions in the order runs began, whichever process runs them; finishedAt stays unset until complete-version.
MERGE (s:StoreState {key: 'versions'})
SET s.counter = coalesce(s.counter, 0) + 1
CREATE (v:Version {number: s.counter, kind: $kind, at: $at})
RETURN v.number AS number
