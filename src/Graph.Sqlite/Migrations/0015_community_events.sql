-- Schema version 15: community events (issue 21). Each analytics run matches its communities to the previous run's, keeps
-- their ids, and records what happened between the two at every level it compared: BORN, GREW, SHRANK, MERGED, SPLIT,
-- DIED, with the communities on the other side and their Jaccard overlap (`related`, a JSON array of [id, jaccard]).
-- Keyed by the analytics run (analytics_run.pk; its ran_at is the event time). Numbered 15: 14 is the versions schema's.
CREATE TABLE community_event (
    run            INTEGER NOT NULL REFERENCES analytics_run (pk),
    seq            INTEGER NOT NULL,
    level          INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    community      INTEGER NOT NULL,
    size           INTEGER NOT NULL,
    previous_size  INTEGER NOT NULL,
    related        TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (run, seq)
) WITHOUT ROWID;
-- The highest community id given up to each run, so that no later run gives a dead community's id to another one.
ALTER TABLE analytics_run ADD COLUMN max_community INTEGER;
UPDATE analytics_run SET max_community = (SELECT max(id) FROM community);
