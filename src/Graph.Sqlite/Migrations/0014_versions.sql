-- Schema version 14: versions of the graph and the change feed (issue 21). Every load, ingest, derive and analyze run is
-- a version; change_event holds what each changed, written by the writer connection's temporary triggers
-- (SqliteVersionTriggers) in the same transaction as the change. Events name papers by id (a paper's pk is not stable
-- across stub merges) and keep small JSON (the source that merged; field, old and new value; a citation's kind,
-- confidence and evidence). analytics_history keeps each analyze run's scores, so rankings can be asked as of a version.
-- Numbered 14 by agreement: 15 is the stable-communities work's.
CREATE TABLE version (
    number          INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('LOAD', 'INGEST', 'DERIVE', 'ANALYZE')),
    started_at      TEXT    NOT NULL,
    finished_at     TEXT,
    summary         TEXT
);

-- kind: 1 PAPER_ADDED, 2 PAPER_MERGED, 3 FIELD_CHANGED, 4 CITATION_ADDED, 5 CITATION_REMOVED (ChangeKind).
CREATE TABLE change_event (
    seq             INTEGER PRIMARY KEY,
    version         INTEGER NOT NULL,
    kind            INTEGER NOT NULL,
    paper           TEXT    NOT NULL,
    other           TEXT,
    data            TEXT
);
-- A version's first event is one seek, and its summary (events by kind) an index-only read.
CREATE INDEX change_event_by_version ON change_event (version, seq, kind);
-- "As of" reads a paper's own additions and field changes only.
CREATE INDEX change_event_of_paper ON change_event (paper, seq) WHERE kind IN (1, 3);

CREATE TABLE analytics_history (
    version         INTEGER NOT NULL,
    paper_pk        INTEGER NOT NULL,
    page_rank       REAL,
    betweenness     REAL,
    community       INTEGER,
    core_number     INTEGER,
    PRIMARY KEY (version, paper_pk)
) WITHOUT ROWID;
