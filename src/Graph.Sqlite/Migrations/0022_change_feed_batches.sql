-- Schema version 22 (issue 21, "nothing lost"): the change feed in commit order. Each write transaction that records events
-- is a batch: a row of version_batch allocated inside the transaction (INTEGER PRIMARY KEY, so the numbers follow the
-- commits: SQLite has one writer at a time, and a batch is visible whole or not at all). The feed is read batch by batch
-- (ChangeFeedReader), so a reader paging while loads run never passes a place where an event can still appear:
-- before, a version's rows were read by key, and a row committed later with a smaller key than the reader's cursor, or a
-- batch of another version committed after the reader moved on, was never read.
--   batch:     commit order.
--   version:   the version the transaction wrote under.
--   first_seq: max(change_event.seq) when the batch began: its stored events are those after it and up to the next
--              batch's (events are never deleted once committed, so seq only grows). NULL: a batch standing for a whole
--              version written before this schema (numbered as that version), read by version as before.
CREATE TABLE version_batch (
    batch           INTEGER PRIMARY KEY,
    version         INTEGER NOT NULL,
    first_seq       INTEGER
);
INSERT INTO version_batch (batch, version, first_seq) SELECT number, number, NULL FROM version ORDER BY number;

-- The batch that wrote a citation row (NULL for rows from before: their batch is their version's, numbered as the
-- version). The index that finds a version's rows now finds a batch's rows, in key order, after the same prefix; every
-- reader of a version range (as-of counts) reads it as before.
ALTER TABLE cites ADD COLUMN batch INTEGER;
DROP INDEX cites_by_version;
CREATE INDEX cites_by_version ON cites (version, batch) WHERE version IS NOT NULL;

-- Stored additions (kind 4) and moved-row markers (kind 7) name the batch of the row they stand for: an addition keeps the
-- row's place in the feed, a marker hides exactly that row.
ALTER TABLE change_event ADD COLUMN row_batch INTEGER;
UPDATE change_event SET row_batch = version
WHERE seq IN (SELECT seq FROM change_event INDEXED BY change_event_added WHERE kind = 4)
   OR seq IN (SELECT seq FROM change_event INDEXED BY change_event_moved WHERE kind = 7);
DROP INDEX change_event_added;
CREATE INDEX change_event_added ON change_event (row_batch, row_key, paper, other, seq) WHERE kind = 4;
DROP INDEX change_event_moved;
CREATE INDEX change_event_moved ON change_event (row_batch, paper, other, data) WHERE kind = 7;
