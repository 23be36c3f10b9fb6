-- Schema version 5: cites_src (0004) goes. The primary key (src_pk, dst_pk, kind) already finds a paper's citations;
-- ordering a paper's few dozen by confidence needs no index, and this one cost a load a second B-tree of ten million
-- rows (bench/RESULTS.md, Ingest).
DROP INDEX IF EXISTS cites_src;
