-- CiteGraph embedded store, schema version 1.
-- paper holds the merged view of a paper; paper_source keeps every source's own values (provenance), so the merged
-- row can always be recomputed and a re-load of the same record changes nothing.

CREATE TABLE paper (
    pk              INTEGER PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    title           TEXT    NOT NULL,
    title_key       TEXT    NOT NULL,
    abstract        TEXT,
    year            INTEGER,
    published       TEXT,
    authors_count   INTEGER,
    organization    TEXT,
    upvotes         INTEGER,
    arxiv_id        TEXT,
    doi             TEXT,
    is_stub         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX paper_title_key ON paper (title_key);
CREATE INDEX paper_arxiv ON paper (arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX paper_doi ON paper (doi) WHERE doi IS NOT NULL;
CREATE INDEX paper_year ON paper (year);

CREATE TABLE paper_source (
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    source          TEXT    NOT NULL,
    line            INTEGER NOT NULL,
    format          TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    abstract        TEXT,
    published       TEXT,
    authors_count   INTEGER,
    organization    TEXT,
    upvotes         INTEGER,
    arxiv_id        TEXT,
    doi             TEXT,
    PRIMARY KEY (paper_pk, source, line)
) WITHOUT ROWID;

CREATE TABLE external_id (
    kind            TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    PRIMARY KEY (kind, value)
) WITHOUT ROWID;
CREATE INDEX external_id_paper ON external_id (paper_pk);

CREATE TABLE repo (
    pk              INTEGER PRIMARY KEY,
    url             TEXT    NOT NULL UNIQUE,
    host            TEXT    NOT NULL,
    owner           TEXT    NOT NULL,
    name            TEXT    NOT NULL
);

CREATE TABLE paper_repo (
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    repo_pk         INTEGER NOT NULL REFERENCES repo (pk) ON DELETE CASCADE,
    evidence        TEXT    NOT NULL,
    PRIMARY KEY (paper_pk, repo_pk, evidence)
) WITHOUT ROWID;
CREATE INDEX paper_repo_repo ON paper_repo (repo_pk);

CREATE TABLE paper_link (
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    url             TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    PRIMARY KEY (paper_pk, url)
) WITHOUT ROWID;

-- Identifiers a paper's text mentions: the raw material of inferred citations.
CREATE TABLE paper_mention (
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    PRIMARY KEY (paper_pk, kind, value)
) WITHOUT ROWID;

CREATE TABLE author (
    pk              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE
);

CREATE TABLE authored (
    author_pk       INTEGER NOT NULL REFERENCES author (pk) ON DELETE CASCADE,
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    position        INTEGER,
    PRIMARY KEY (author_pk, paper_pk)
) WITHOUT ROWID;

CREATE TABLE topic (
    pk              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    aliases         TEXT    NOT NULL DEFAULT '[]',
    df              INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE has_topic (
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    topic_pk        INTEGER NOT NULL REFERENCES topic (pk) ON DELETE CASCADE,
    weight          REAL    NOT NULL,
    PRIMARY KEY (paper_pk, topic_pk)
) WITHOUT ROWID;

CREATE TABLE cites (
    src_pk          INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    dst_pk          INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('explicit', 'inferred')),
    confidence      REAL    NOT NULL DEFAULT 1.0,
    evidence        TEXT,
    PRIMARY KEY (src_pk, dst_pk, kind)
) WITHOUT ROWID;
CREATE INDEX cites_dst ON cites (dst_pk);

CREATE VIRTUAL TABLE paper_fts USING fts5 (
    title, abstract, content = 'paper', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER paper_fts_insert AFTER INSERT ON paper BEGIN
    INSERT INTO paper_fts (rowid, title, abstract) VALUES (new.pk, new.title, new.abstract);
END;
CREATE TRIGGER paper_fts_delete AFTER DELETE ON paper BEGIN
    INSERT INTO paper_fts (paper_fts, rowid, title, abstract) VALUES ('delete', old.pk, old.title, old.abstract);
END;
CREATE TRIGGER paper_fts_update AFTER UPDATE OF title, abstract ON paper
    WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract BEGIN
    INSERT INTO paper_fts (paper_fts, rowid, title, abstract) VALUES ('delete', old.pk, old.title, old.abstract);
    INSERT INTO paper_fts (rowid, title, abstract) VALUES (new.pk, new.title, new.abstract);
END;
