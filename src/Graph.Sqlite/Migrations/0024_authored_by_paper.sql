-- Schema version 24 (issue 22, ingest): authorship is keyed by paper, (paper_pk, author_pk), instead of by author, and
-- the second index (authored_paper: paper_pk, position) goes. A load writes papers in key order, so its authorship rows
-- now append at the end of the one tree they live in; keyed by author, each row went into the middle of a tree at its
-- author's place (one insertion point per author: millions in a real corpus) and again into authored_paper, splitting
-- pages in the middle all along: 5.6 s of a 1M load (3.5M rows, 224 authors), 2.4 s keyed by paper.
-- Every reader asks by paper (a paper's authors in order: a few rows, sorted by position; the export, in paper order);
-- none by author, and authors are never deleted, so no index by author is kept. The pair stays unique, as before.
--
-- SQLite cannot change a primary key: the table is built again, rows copied in key order.
CREATE TABLE authored_0024 (
    author_pk       INTEGER NOT NULL REFERENCES author (pk) ON DELETE CASCADE,
    paper_pk        INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    position        INTEGER,
    PRIMARY KEY (paper_pk, author_pk)
) WITHOUT ROWID;
INSERT INTO authored_0024 (author_pk, paper_pk, position)
SELECT author_pk, paper_pk, position FROM authored ORDER BY paper_pk, author_pk;
DROP TABLE authored;
ALTER TABLE authored_0024 RENAME TO authored;
