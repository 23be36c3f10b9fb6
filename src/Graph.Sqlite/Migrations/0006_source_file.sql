-- Schema version 6: an explicit citation names the source record that listed it by reference (source_pk, source_line)
-- rather than as text. The text ("works.jsonl:12") repeated for each of a paper's references was three quarters of
-- the cites table (bench/RESULTS.md, Ingest); reads put it together again. Rows written before keep their text, and
-- inferred citations keep theirs (it is a quote, not a source).
CREATE TABLE source_file (
    pk              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE
);

ALTER TABLE cites ADD COLUMN source_pk INTEGER REFERENCES source_file (pk);
ALTER TABLE cites ADD COLUMN source_line INTEGER;
