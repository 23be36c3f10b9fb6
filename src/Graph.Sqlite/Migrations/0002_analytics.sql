-- Schema version 2: analytics results written back by `citegraph analyze`.
ALTER TABLE paper ADD COLUMN page_rank REAL;
ALTER TABLE paper ADD COLUMN betweenness REAL;
ALTER TABLE paper ADD COLUMN community INTEGER;
ALTER TABLE paper ADD COLUMN core_number INTEGER;
ALTER TABLE paper ADD COLUMN component INTEGER;
CREATE INDEX paper_page_rank ON paper (page_rank) WHERE page_rank IS NOT NULL;
CREATE INDEX paper_community ON paper (community) WHERE community IS NOT NULL;

CREATE TABLE community (
    id              INTEGER PRIMARY KEY,
    level           INTEGER NOT NULL,
    size            INTEGER NOT NULL,
    label           TEXT    NOT NULL
);

-- One row per analytics run: what ran, on which graph, when, and the partition's modularity.
CREATE TABLE analytics_run (
    pk              INTEGER PRIMARY KEY,
    ran_at          TEXT    NOT NULL,
    graph           TEXT    NOT NULL,
    algorithms      TEXT    NOT NULL,
    modularity      REAL
);
