-- Schema version 8 (issue 17, item 6): papers(orderBy: PAGERANK) reads an index instead of sorting every paper per
-- request (790 ms at 200K papers on a loaded 2-core machine, 0.02 ms with it). It orders by
-- COALESCE(page_rank, -1.0) DESC, pk (PaperOrder.PageRank in SqliteGraphStore.QueryPapersAsync): the expression must
-- stay identical for SQLite to use the index. Partial on is_stub = 0, the condition every such query carries.
-- Only the number of this file matters to the migrator: renumber it freely if another migration takes 0008.
CREATE INDEX IF NOT EXISTS paper_rank_order ON paper (COALESCE(page_rank, -1.0) DESC, pk) WHERE is_stub = 0;
