-- Schema version 11 (issue 17, item 3: incremental derive): the last corpus-wide derive pass, so a load or ingest can
-- tell whether the corpus grew enough since to need a full pass again, and an index to find the papers that mention an
-- arXiv id or DOI without reading every mention. Numbered 11 on branch derive-incr; renumber freely at merge.
CREATE TABLE derive_state (
    name    TEXT    PRIMARY KEY,
    papers  INTEGER NOT NULL,
    at      TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS paper_mention_value ON paper_mention (kind, value);
