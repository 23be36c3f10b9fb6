namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The change feed's writers: temporary triggers on the writing connection. Temporary, so they fire only for writes this
/// store makes inside a version (the connection's <c>temp.cg_run</c> row names it) and a file opened by another tool
/// writes no events it cannot attribute; triggers, so each event commits or rolls back with the change it describes,
/// whichever statement of the write path makes it (set-based inserts of new papers, merges row by row, stub absorption,
/// derive's citation rewrites).
/// </summary>
internal static class SqliteVersionTriggers
{
    /// <summary>Creates the run table and the triggers on this connection when missing. Idempotent and cheap.</summary>
    public const string Install = """
        CREATE TEMP TABLE IF NOT EXISTS cg_run (version INTEGER NOT NULL);
        -- Citations deleted in this transaction with the version that wrote them (see CompactRewrites).
        CREATE TEMP TABLE IF NOT EXISTS cg_gone (src INTEGER NOT NULL, dst INTEGER NOT NULL, kind TEXT NOT NULL, version INTEGER);

        CREATE TEMP TRIGGER IF NOT EXISTS cg_paper_added AFTER INSERT ON main.paper
        WHEN new.is_stub = 0 AND EXISTS (SELECT 1 FROM cg_run) BEGIN
            INSERT INTO change_event (version, kind, paper) SELECT version, 1, new.id FROM cg_run;
        END;

        -- A stub (a cited id no file described yet) becomes a paper when its own record arrives.
        CREATE TEMP TRIGGER IF NOT EXISTS cg_stub_filled AFTER UPDATE OF is_stub ON main.paper
        WHEN old.is_stub = 1 AND new.is_stub = 0 AND EXISTS (SELECT 1 FROM cg_run) BEGIN
            INSERT INTO change_event (version, kind, paper) SELECT version, 1, new.id FROM cg_run;
        END;

        CREATE TEMP TRIGGER IF NOT EXISTS cg_field_changed
        AFTER UPDATE OF title, abstract, published, year, authors_count, organization, upvotes, arxiv_id, doi ON main.paper
        WHEN old.is_stub = 0 AND EXISTS (SELECT 1 FROM cg_run) BEGIN
            INSERT INTO change_event (version, kind, paper, data)
            SELECT r.version, 3, new.id, json_object('field', f.name, 'old', f.old, 'new', f.new) FROM cg_run r,
                (SELECT 'title' AS name, old.title AS old, new.title AS new WHERE old.title IS NOT new.title
                 UNION ALL SELECT 'abstract', old.abstract, new.abstract WHERE old.abstract IS NOT new.abstract
                 UNION ALL SELECT 'published', old.published, new.published WHERE old.published IS NOT new.published
                 UNION ALL SELECT 'year', old.year, new.year WHERE old.year IS NOT new.year
                 UNION ALL SELECT 'authors_count', old.authors_count, new.authors_count WHERE old.authors_count IS NOT new.authors_count
                 UNION ALL SELECT 'organization', old.organization, new.organization WHERE old.organization IS NOT new.organization
                 UNION ALL SELECT 'upvotes', old.upvotes, new.upvotes WHERE old.upvotes IS NOT new.upvotes
                 UNION ALL SELECT 'arxiv_id', old.arxiv_id, new.arxiv_id WHERE old.arxiv_id IS NOT new.arxiv_id
                 UNION ALL SELECT 'doi', old.doi, new.doi WHERE old.doi IS NOT new.doi) f;
        END;

        -- A second source record of a paper is a merge (a re-load of the same record updates its row: no event).
        CREATE TEMP TRIGGER IF NOT EXISTS cg_paper_merged AFTER INSERT ON main.paper_source
        WHEN EXISTS (SELECT 1 FROM cg_run)
         AND EXISTS (SELECT 1 FROM paper_source s WHERE s.paper_pk = new.paper_pk AND (s.source <> new.source OR s.line <> new.line)) BEGIN
            INSERT INTO change_event (version, kind, paper, data)
            SELECT r.version, 2, p.id, json_object('source', new.source, 'line', new.line, 'format', new.format)
            FROM cg_run r, paper p WHERE p.pk = new.paper_pk;
        END;

        -- A citation a source lists (explicit, no evidence text of its own) is the bulk of a load: its event carries no data
        -- (explicit, confidence 1; the source record that listed it is the citing paper's). Inferred ones keep their evidence.
        CREATE TEMP TRIGGER IF NOT EXISTS cg_citation_added AFTER INSERT ON main.cites
        WHEN EXISTS (SELECT 1 FROM cg_run) BEGIN
            INSERT INTO change_event (version, kind, paper, other, data)
            SELECT r.version, 4, s.id, d.id, CASE WHEN new.kind = 'explicit' AND new.evidence IS NULL THEN NULL
                ELSE json_object('kind', new.kind, 'confidence', new.confidence, 'evidence', new.evidence) END
            FROM cg_run r, paper s, paper d WHERE s.pk = new.src_pk AND d.pk = new.dst_pk;
            -- The row says which version wrote it (schema 17): counts as of a version read the rows, not the log.
            UPDATE cites SET version = (SELECT version FROM cg_run)
            WHERE src_pk = new.src_pk AND dst_pk = new.dst_pk AND kind = new.kind;
        END;

        CREATE TEMP TRIGGER IF NOT EXISTS cg_citation_removed AFTER DELETE ON main.cites
        WHEN EXISTS (SELECT 1 FROM cg_run) BEGIN
            INSERT INTO change_event (version, kind, paper, other, data)
            SELECT r.version, 5, s.id, d.id, CASE WHEN old.kind = 'explicit' AND old.evidence IS NULL THEN NULL
                ELSE json_object('kind', old.kind, 'confidence', old.confidence, 'evidence', old.evidence) END
            FROM cg_run r, paper s, paper d WHERE s.pk = old.src_pk AND d.pk = old.dst_pk;
            -- The version that wrote it, for a rewrite of the same citation to keep (CompactRewrites).
            INSERT INTO cg_gone (src, dst, kind, version) VALUES (old.src_pk, old.dst_pk, old.kind, old.version);
        END;
        """;

    /// <summary>
    /// Drops the pairs a rewrite made of an unchanged citation (derive deletes the inferred citations it recomputes and writes
    /// the same ones again): a removal and an addition of the same citation, with the same kind, confidence and evidence, in
    /// one transaction (events after <c>$start</c>) are no change, and the citation's row keeps the version that first wrote it. The removals (few, or none in a load) are indexed first so
    /// the additions (a load's hundreds of thousands) are matched by seek, never pair by pair.
    /// </summary>
    public const string CompactRewrites = """
        CREATE TEMP TABLE IF NOT EXISTS cg_removed (seq INTEGER PRIMARY KEY, paper TEXT NOT NULL, other TEXT, data TEXT);
        CREATE INDEX IF NOT EXISTS temp.cg_removed_key ON cg_removed (paper, other);
        CREATE TEMP TABLE IF NOT EXISTS cg_pairs (added INTEGER NOT NULL, removed INTEGER NOT NULL);
        DELETE FROM temp.cg_removed;
        DELETE FROM temp.cg_pairs;
        INSERT INTO temp.cg_removed SELECT seq, paper, other, data FROM change_event WHERE seq > $start AND kind = 5;
        INSERT INTO temp.cg_pairs SELECT a.seq, r.seq FROM change_event a JOIN temp.cg_removed r INDEXED BY cg_removed_key
            ON r.paper = a.paper AND r.other = a.other AND r.data IS a.data
        WHERE a.seq > $start AND a.kind = 4 AND EXISTS (SELECT 1 FROM temp.cg_removed);
        UPDATE main.cites SET version = g.version FROM (
            SELECT s.pk AS src, d.pk AS dst, coalesce(json_extract(a.data, '$.kind'), 'explicit') AS kind, max(g.version) AS version
            FROM temp.cg_pairs x JOIN change_event a ON a.seq = x.added JOIN paper s ON s.id = a.paper JOIN paper d ON d.id = a.other
            JOIN temp.cg_gone g ON g.src = s.pk AND g.dst = d.pk AND g.kind = coalesce(json_extract(a.data, '$.kind'), 'explicit')
            GROUP BY 1, 2, 3) g
        WHERE cites.src_pk = g.src AND cites.dst_pk = g.dst AND cites.kind = g.kind;
        DELETE FROM change_event WHERE seq IN (SELECT added FROM temp.cg_pairs UNION ALL SELECT removed FROM temp.cg_pairs);
        DELETE FROM temp.cg_gone;
        """;
}
