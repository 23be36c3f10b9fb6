-- Schema version 19 (issues 21 and 22): CITATION_ADDED is read from the citation rows, not stored. A cites row stamped with
-- version v (schema 17) is, by itself, the event "added in v" with its kind, confidence and evidence; the writers put the
-- version into the row as they insert it, and no trigger runs per citation any more (one event row per citation was a third
-- of a loaded file and most of a load's trigger work: bench/RESULTS.md). Stored from now on are only the additions the rows
-- no longer show (a row deleted, or moved to other papers when a stub was absorbed: SqliteVersionTriggers writes its
-- addition just before), and the removals.
--
-- Here the stored additions the rows now imply go: the last CITATION_ADDED of each citation whose row is there with that
-- event's version (the row that event wrote; an earlier add of the same citation was removed since, and stays). Events
-- whose papers no longer exist (an absorbed stub) or whose row is gone stay. Grouped once, then one seek a citation.
CREATE TEMP TABLE cg_last_add_0019 (src INTEGER NOT NULL, dst INTEGER NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL,
    version INTEGER NOT NULL, PRIMARY KEY (src, dst, kind)) WITHOUT ROWID;
-- max(seq) with bare columns: SQLite takes version from the row holding the maximum.
INSERT INTO temp.cg_last_add_0019 (src, dst, kind, seq, version)
SELECT s.pk, d.pk, coalesce(json_extract(e.data, '$.kind'), 'explicit'), max(e.seq), e.version
FROM change_event e JOIN paper s ON s.id = e.paper JOIN paper d ON d.id = e.other
WHERE e.kind = 4
GROUP BY 1, 2, 3;
DELETE FROM change_event WHERE seq IN (
    SELECT l.seq FROM temp.cg_last_add_0019 l
    JOIN cites c ON c.src_pk = l.src AND c.dst_pk = l.dst AND c.kind = l.kind AND c.version = l.version);

-- A stored addition keeps its citation row's place in the feed (ChangeFeedReader.RowSequence of the key; -1 when a paper
-- of it no longer exists or is a stub).
ALTER TABLE change_event ADD COLUMN row_key INTEGER;
UPDATE change_event SET row_key = coalesce((
    SELECT (1 << 62) | (s.pk << 31) | (d.pk << 1) | (coalesce(json_extract(change_event.data, '$.kind'), 'explicit') = 'inferred')
    FROM paper s, paper d WHERE s.id = change_event.paper AND d.id = change_event.other AND s.is_stub = 0 AND d.is_stub = 0), -1)
WHERE kind = 4;

-- A row moved to other papers when a stub was absorbed kept its version but has no addition under its papers' ids (the
-- log has it under the stub's): a marker (kind 7: "this row is not an event", never read out) keeps the feed from
-- reading it, as SqliteVersionTriggers writes one when it moves a row.
CREATE INDEX change_event_moved ON change_event (version, paper, other, data) WHERE kind = 7;
INSERT INTO change_event (version, kind, paper, other, data)
SELECT c.version, 7, s.id, d.id, c.kind FROM cites c JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk
WHERE c.version IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM temp.cg_last_add_0019 l WHERE l.src = c.src_pk AND l.dst = c.dst_pk AND l.kind = c.kind AND l.version = c.version);
DROP TABLE temp.cg_last_add_0019;

-- The stored additions of a version in the feed's order (among its rows by key; at one key, by papers' ids, then
-- sequence): few rows (removed citations only).
CREATE INDEX change_event_added ON change_event (version, row_key, paper, other, seq) WHERE kind = 4;
