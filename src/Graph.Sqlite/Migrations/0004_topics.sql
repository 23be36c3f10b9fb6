-- Schema version 4: topics, co-topics and the keywords sources attach (issue 5).
-- topic, has_topic (0001) gain a stable id, idf, and the lower-cased names a look-up by alias matches.
ALTER TABLE topic ADD COLUMN id TEXT;
ALTER TABLE topic ADD COLUMN idf REAL NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX topic_id ON topic (id);
CREATE INDEX topic_df ON topic (df DESC, name);
CREATE INDEX has_topic_topic ON has_topic (topic_pk, weight DESC);

-- Every name a topic answers to (canonical name and aliases), lower-cased: topic(name:) matches any of them.
CREATE TABLE topic_alias (
    alias           TEXT    NOT NULL,
    topic_pk        INTEGER NOT NULL REFERENCES topic (pk) ON DELETE CASCADE,
    PRIMARY KEY (alias, topic_pk)
) WITHOUT ROWID;

-- CO_TOPIC: each paper's top-k papers by idf-weighted shared topics (never all pairs); reasons = best shared topics (JSON).
CREATE TABLE co_topic (
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    other_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    weight          REAL    NOT NULL,
    shared          INTEGER NOT NULL,
    reasons         TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (paper_pk, other_pk)
) WITHOUT ROWID;

-- CO_OCCURS between topics: papers carrying both, and pointwise mutual information.
CREATE TABLE co_occurs (
    topic_a         INTEGER NOT NULL REFERENCES topic (pk) ON DELETE CASCADE,
    topic_b         INTEGER NOT NULL REFERENCES topic (pk) ON DELETE CASCADE,
    count           INTEGER NOT NULL,
    pmi             REAL    NOT NULL,
    PRIMARY KEY (topic_a, topic_b)
) WITHOUT ROWID;
CREATE INDEX co_occurs_b ON co_occurs (topic_b);

-- Keywords a source attached to a paper (Hugging Face ai_keywords, OpenAlex concepts/topics).
CREATE TABLE paper_keyword (
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    keyword         TEXT    NOT NULL,
    PRIMARY KEY (paper_pk, keyword)
) WITHOUT ROWID;

CREATE INDEX cites_src ON cites (src_pk, confidence DESC);

-- The derive pass reads each paper's authors in order (first author for "Name et al., YEAR").
CREATE INDEX IF NOT EXISTS authored_paper ON authored (paper_pk, position);
