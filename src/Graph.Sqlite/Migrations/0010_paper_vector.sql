-- Schema version 10: one sentence embedding per paper (issue 15), written by the derive pass. The vector is int8 with a
-- float32 scale first (Int8VectorCodec: 388 bytes for 384 dimensions); text_hash says which text (and model) it embeds,
-- so a re-run embeds only new or changed papers. Numbered 10 to leave 8 and 9 to concurrent schema work.
CREATE TABLE paper_vector (
    paper_pk  INTEGER PRIMARY KEY REFERENCES paper (pk) ON DELETE CASCADE,
    text_hash TEXT    NOT NULL,
    vector    BLOB    NOT NULL
);
