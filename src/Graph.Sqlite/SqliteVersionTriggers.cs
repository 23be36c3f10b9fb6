namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The change feed's writers: temporary triggers on the writing connection. Temporary, so they fire only for writes this
/// store makes inside a version (the connection's <c>temp.cg_run</c> row names it) and a file opened by another tool
/// writes no events it cannot attribute; triggers, so each event commits or rolls back with the change it describes,
/// whichever statement of the write path makes it (merges row by row, stub absorption, derive's citation rewrites). The
/// set-based writer's new papers are the exception: it suspends the paper insert triggers for them and writes their
/// PAPER_ADDED events in the same transaction itself (<see cref="SuspendPaperInsertTriggers"/>).
/// </summary>
internal static class SqliteVersionTriggers
{
    /// <summary>
    /// The paper triggers (PAPER_ADDED, a stub filled, FIELD_CHANGED, PAPER_MERGED): the same since schema 14, so shared by
    /// <see cref="Install"/> and the schema-18 log the migration tests build.
    /// </summary>
    private const string PaperTriggers = """
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
        """;

    /// <summary>
    /// Drops the two triggers that fire on inserting a paper or a source row (PAPER_ADDED, PAPER_MERGED), for the set-based
    /// writer's new papers, whose events it writes itself (<see cref="PaperAddedEvent"/>). Why: an INSERT that fires a
    /// trigger writes more than one row, so SQLite keeps a statement journal for it, copying every page the statement
    /// touches before it changes it (in a temporary file once the journal passes 64 KiB): 5.6 pages per new paper, 460 MB
    /// of writes for a 33 MB store of 20,000 papers (bench/RESULTS.md, branch ingest5). <see cref="Install"/> puts them back.
    /// </summary>
    public const string SuspendPaperInsertTriggers = """
        DROP TRIGGER IF EXISTS temp.cg_paper_added;
        DROP TRIGGER IF EXISTS temp.cg_paper_merged;
        """;

    /// <summary>
    /// The event <c>cg_paper_added</c> writes for a new paper (not a stub), for a writer that inserts papers while the
    /// trigger is suspended: the version (a number, not text from outside) and the paper id as the one parameter.
    /// </summary>
    public static string PaperAddedEvent(long version) => $"INSERT INTO change_event (version, kind, paper) VALUES ({version}, 1, ?);";

    /// <summary>The data of the event of a citation row being deleted or moved (<c>old</c>), as <see cref="ChangeFeedReader.CitationData"/> reads it from a row.</summary>
    private static readonly string OldCitationData = CitationKinds.EventDataSql("old");

    /// <summary>The word of the kind of <c>old</c>: moved-row markers keep it in their data, as before schema 23.</summary>
    private static readonly string OldKindName = CitationKinds.NameSql("old");

    /// <summary>
    /// The stored addition of a stamped citation row about to be deleted or moved (<c>old</c>), at its row's place in the feed
    /// (row_key: <see cref="ChangeFeedReader.RowSequence"/> of its key, row_batch: its batch), unless a moved row's marker
    /// says it was itself a moved row's. One statement for both triggers, so their additions cannot drift apart.
    /// </summary>
    private static readonly string OldRowAddition = $"""
        INSERT INTO change_event (version, kind, paper, other, data, row_key, row_batch)
        SELECT old.version, 4, s.id, d.id, {OldCitationData},
            (1 << 62) | (old.src_pk << 31) | (old.dst_pk << 1) | old.kind, coalesce(old.batch, old.version)
        FROM paper s, paper d WHERE old.version IS NOT NULL AND s.pk = old.src_pk AND d.pk = old.dst_pk
          AND NOT EXISTS (SELECT 1 FROM change_event m INDEXED BY change_event_moved
              WHERE m.kind = 7 AND m.row_batch = coalesce(old.batch, old.version) AND m.paper = s.id AND m.other = d.id AND m.data = {OldKindName});
        """;

    /// <summary>Creates the run table and the triggers on this connection when missing. Idempotent and cheap.</summary>
    public static readonly string Install = """
        CREATE TEMP TABLE IF NOT EXISTS cg_run (version INTEGER NOT NULL);
        -- Citations deleted in this transaction with the version that wrote them (see CompactRewrites).
        CREATE TEMP TABLE IF NOT EXISTS cg_gone (src INTEGER NOT NULL, dst INTEGER NOT NULL, kind INTEGER NOT NULL, confidence REAL,
            evidence TEXT, version INTEGER, batch INTEGER);
        """ + "\n" + PaperTriggers + "\n" + $"""
        -- CITATION_ADDED is not stored (schema 19): a cites row stamped with version v is, by itself, the event "added in v"
        -- (the writers put the version into the row as they insert it; ChangeFeedReader reads the events back from the rows).
        -- What the rows cannot tell any more is stored when it happens: before a stamped row goes, its addition is written
        -- to the log under the version that added it (the feed's answer for that version stays), then its removal. The
        -- stored addition keeps the row's place in the feed (row_batch: the row's batch, its version's for a row from before
        -- schema 22; row_key: ChangeFeedReader.RowSequence of its key), so a reader paging past it neither misses it nor
        -- reads it twice.
        CREATE TEMP TRIGGER IF NOT EXISTS cg_citation_removed AFTER DELETE ON main.cites BEGIN
            {OldRowAddition}
            INSERT INTO change_event (version, kind, paper, other, data)
            SELECT r.version, 5, s.id, d.id, {OldCitationData}
            FROM cg_run r, paper s, paper d WHERE s.pk = old.src_pk AND d.pk = old.dst_pk;
            -- The row as it was, for a rewrite of the same citation to keep its version (CompactRewrites).
            INSERT INTO cg_gone (src, dst, kind, confidence, evidence, version, batch)
            SELECT old.src_pk, old.dst_pk, old.kind, old.confidence, old.evidence, old.version, old.batch WHERE EXISTS (SELECT 1 FROM cg_run);
        END;

        -- A row moved to other papers (a stub absorbed into the paper it stood for) would read back with the new papers' ids,
        -- an addition the log never had: its addition is written as it was, with the ids it was added under (unless it was
        -- itself a moved row's), and a marker (kind 7, never read out) keeps the feed from reading the moved row.
        CREATE TEMP TRIGGER IF NOT EXISTS cg_citation_moved AFTER UPDATE OF src_pk, dst_pk ON main.cites
        WHEN old.version IS NOT NULL AND (old.src_pk <> new.src_pk OR old.dst_pk <> new.dst_pk) BEGIN
            {OldRowAddition}
            INSERT INTO change_event (version, kind, paper, other, data, row_batch)
            SELECT new.version, 7, s.id, d.id, {CitationKinds.NameSql("new")}, coalesce(new.batch, new.version) FROM paper s, paper d WHERE s.pk = new.src_pk AND d.pk = new.dst_pk;
        END;
        """;

    /// <summary>
    /// Drops the pairs a rewrite made of an unchanged citation (derive deletes the inferred citations it recomputes and writes
    /// the same ones again): a row deleted and written again in one transaction (events after <c>$start</c>) with the same
    /// kind, confidence and evidence is no change. Its row keeps the version that first wrote it, and the removal and the
    /// stored addition its deletion wrote go. The deleted rows (few, or none in a load) are matched to the rows by key,
    /// and the transaction's events to the pairs through a temporary index, never pair by pair.
    /// </summary>
    public static readonly string CompactRewrites = $"""
        CREATE TEMP TABLE IF NOT EXISTS cg_pairs (src INTEGER NOT NULL, dst INTEGER NOT NULL, kind INTEGER NOT NULL, version INTEGER,
            batch INTEGER, paper TEXT NOT NULL, other TEXT NOT NULL, data TEXT);
        CREATE TEMP TABLE IF NOT EXISTS cg_removed (seq INTEGER PRIMARY KEY, paper TEXT NOT NULL, other TEXT, data TEXT);
        CREATE INDEX IF NOT EXISTS temp.cg_removed_key ON cg_removed (paper, other);
        DELETE FROM temp.cg_pairs;
        DELETE FROM temp.cg_removed;
        -- max() with a bare column: SQLite takes the batch from the row holding the maximum.
        -- CROSS JOIN keeps the deleted rows outside: left to itself, SQLite 3.49 walked this version's rows of cites by
        -- cites_by_version and scanned all of cg_gone (no index, no statistics) for each, quadratic in a re-derive's
        -- inferred citations (a 200K-paper re-derive still in this statement after twenty minutes).
        INSERT INTO temp.cg_pairs (src, dst, kind, version, batch, paper, other, data)
        SELECT g.src, g.dst, g.kind, max(g.version), g.batch, s.id, d.id, {CitationKinds.EventDataSql("g")}
        FROM temp.cg_gone g
        CROSS JOIN main.cites c ON c.src_pk = g.src AND c.dst_pk = g.dst AND c.kind = g.kind
            AND c.confidence = g.confidence AND c.evidence IS g.evidence AND c.version = (SELECT version FROM temp.cg_run)
        JOIN paper s ON s.pk = g.src JOIN paper d ON d.pk = g.dst
        GROUP BY g.src, g.dst, g.kind;
        UPDATE main.cites SET version = p.version, batch = p.batch FROM temp.cg_pairs p
        WHERE cites.src_pk = p.src AND cites.dst_pk = p.dst AND cites.kind = p.kind;
        INSERT INTO temp.cg_removed SELECT seq, paper, other, data FROM change_event
        WHERE seq > $start AND kind IN (4, 5) AND EXISTS (SELECT 1 FROM temp.cg_pairs);
        DELETE FROM change_event WHERE seq IN (
            SELECT r.seq FROM temp.cg_pairs p JOIN temp.cg_removed r INDEXED BY cg_removed_key
                ON r.paper = p.paper AND r.other = p.other AND r.data IS p.data);
        DELETE FROM temp.cg_gone;
        """;

    /// <summary>
    /// The log as schema 18 wrote it: an event row per citation written by a trigger that also stamps the row. Used only on a
    /// file left at schema 18 (tests build one to show that migration 0019 and the writers since give the same feed).
    /// </summary>
    internal static class Schema18
    {
        public const string Install = """
            CREATE TEMP TABLE IF NOT EXISTS cg_run (version INTEGER NOT NULL);
            -- Citations deleted in this transaction with the version that wrote them (see CompactRewrites).
            CREATE TEMP TABLE IF NOT EXISTS cg_gone (src INTEGER NOT NULL, dst INTEGER NOT NULL, kind TEXT NOT NULL, version INTEGER);
            """ + "\n" + PaperTriggers + "\n" + """

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
}
