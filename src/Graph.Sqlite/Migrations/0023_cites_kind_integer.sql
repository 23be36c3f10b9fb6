-- Schema version 23 (issue 22, fewer bytes per row): a citation's kind is an integer, 0 explicit and 1 inferred
-- (CitationKinds), instead of the word. The kind is part of the primary key, so it was spelled out in every row of cites
-- and again in every entry of cites_dst and cites_by_version: 9 bytes three times a citation, about a sixth of a loaded
-- file (bench/RESULTS.md, branch ingest6). 0 and 1 take no bytes at all in a SQLite record (serial types 8 and 9), and
-- order as the words did (explicit before inferred), so every reader that walks the key keeps its order.
-- The change feed keeps the words: event data ('$.kind') and the moved-row markers (kind 7, data) are unchanged.
--
-- SQLite cannot change a column's type: the table is built again, rows copied in key order, indexes made after.
CREATE TABLE cites_0023 (
    src_pk          INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    dst_pk          INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    kind            INTEGER NOT NULL CHECK (kind IN (0, 1)),
    confidence      REAL    NOT NULL DEFAULT 1.0,
    evidence        TEXT,
    source_pk       INTEGER REFERENCES source_file (pk),
    source_line     INTEGER,
    version         INTEGER,
    batch           INTEGER,
    PRIMARY KEY (src_pk, dst_pk, kind)
) WITHOUT ROWID;
INSERT INTO cites_0023 (src_pk, dst_pk, kind, confidence, evidence, source_pk, source_line, version, batch)
SELECT src_pk, dst_pk, kind = 'inferred', confidence, evidence, source_pk, source_line, version, batch
FROM cites ORDER BY src_pk, dst_pk, kind;
DROP TABLE cites;
ALTER TABLE cites_0023 RENAME TO cites;

-- The same indexes as before (0001 and 0022). A bulk load killed before this migration left cites_dst in bulk_load to
-- be put back; it is here already, so finishing that load skips it.
CREATE INDEX cites_dst ON cites (dst_pk);
CREATE INDEX cites_by_version ON cites (version, batch) WHERE version IS NOT NULL;
