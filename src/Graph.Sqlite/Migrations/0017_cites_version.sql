-- Schema version 17 (issue 21, third pass): each citation row says which version wrote it, so citation counts as of any
-- version come from the rows instead of from recounting the log. cites.version: the version whose run inserted the row
-- (set by the writer connection's citation trigger, SqliteVersionTriggers; kept when a derive rewrites the same citation
-- unchanged); null for rows written outside any version, which existed before every version. A row removed later is
-- remembered only by its CITATION_REMOVED event, as before.
ALTER TABLE cites ADD COLUMN version INTEGER;

-- Rows written before this schema: the version of the last CITATION_ADDED event of the same citation (the add that made
-- the row there now; an earlier add of the same citation was followed by its removal). Grouped once, then one seek a row.
CREATE TEMP TABLE cg_added_0017 (src INTEGER NOT NULL, dst INTEGER NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL,
    PRIMARY KEY (src, dst, kind)) WITHOUT ROWID;
INSERT INTO temp.cg_added_0017 (src, dst, kind, version)
SELECT s.pk, d.pk, coalesce(json_extract(e.data, '$.kind'), 'explicit'), max(e.version)
FROM change_event e JOIN paper s ON s.id = e.paper JOIN paper d ON d.id = e.other
WHERE e.kind = 4
GROUP BY 1, 2, 3;
UPDATE cites SET version = a.version FROM temp.cg_added_0017 a
WHERE a.src = cites.src_pk AND a.dst = cites.dst_pk AND a.kind = cites.kind;
DROP TABLE temp.cg_added_0017;

-- The citations a range of versions wrote: ranking(CITATIONS, asOf:) reads the rows between the kept counts of an analyze
-- run and the version asked. The index holds the primary key after the version, (version, src_pk, dst_pk, kind), so it
-- answers alone, and a load's new papers (increasing pks) append to it instead of inserting all over it.
CREATE INDEX cites_by_version ON cites (version) WHERE version IS NOT NULL;
