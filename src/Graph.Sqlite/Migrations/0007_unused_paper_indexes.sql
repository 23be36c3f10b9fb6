-- Schema version 7: three indexes no query reads go. Papers are found by arXiv id and DOI through external_id, and
-- titles are matched in the resolver's memory (the title keys are read once, in full, when a load starts); these
-- indexes were only ever written, in random order, by every load (bench/RESULTS.md, Ingest).
DROP INDEX IF EXISTS paper_title_key;
DROP INDEX IF EXISTS paper_arxiv;
DROP INDEX IF EXISTS paper_doi;
