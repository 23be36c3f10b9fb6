using System.Text;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// <c>ranking(CITATIONS, asOf: v)</c> from the nearest set of counts known whole: an analyze run's kept counts, or the
/// serving snapshot's in-degrees at the version it shows (usually the last), before or after <c>v</c>. Between the anchor
/// <c>a</c> and <c>v</c> only the citing pairs with a row written in between (one ordered scan of <c>cites_by_version</c>
/// for the range) and the pairs some later version removed a citation of (the removal events, kind 5) can stand
/// differently; every other paper has its anchor count. So the work is linear in what changed between the two, never in
/// the store: count(v) = count(a) ± the pairs written between, corrected by the removals; the touched papers are scored
/// and checked against the filter best first, the untouched ones come from the anchor in its order.
/// </summary>
public sealed partial class SqliteGraphStore
{
    // How many candidates of one list a filter check reads at a time: enough for a ranking page, few enough to stay cheap.
    private const int CandidateBatch = 64;

    private static async Task<List<(Paper Paper, double Score)>> CitationsAsOfAsync(
        SqliteConnection connection, int first, PaperFilter filter, long version, CitationCountsAt? counts, CancellationToken ct)
    {
        var anchor = await NearestCountsAsync(connection, version, counts?.Version, ct).ConfigureAwait(false);
        if (anchor is not { } a)
        {
            return await CitationsByRecountAsync(connection, first, filter, version, ct).ConfigureAwait(false);
        }

        var snapshot = a == counts?.Version ? counts : null;
        // One read transaction: every statement below sees the same rows and events, whatever commits meanwhile.
        await using var tx = connection.BeginTransaction(deferred: true);
        var (lo, hi) = (Math.Min(a, version), Math.Max(a, version));
        var delta = new Dictionary<long, int>();
        var histories = await RemovedPairsAsync(tx, lo, ct).ConfigureAwait(false);
        foreach (var ((src, dst), history) in histories)
        {
            _ = src;
            var change = (history.StoodAt(version) ? 1 : 0) - (history.StoodAt(a) ? 1 : 0);
            delta[dst] = delta.GetValueOrDefault(dst) + change;
        }

        // Pairs with a row written between the two: they stand at the later one and not at the earlier, unless a row of
        // the other kind stood at both (asked in the scan, one seek on the whole primary key: NOT INDEXED keeps SQLite
        // from going through cites_dst and then the row, which cost 1.4-2 s for 100,000 rows against 0.2 s) or a removal
        // makes them a pair above.
        var sign = version >= a ? 1 : -1;
        await using (var rows = tx.Command("""
            SELECT c.src_pk, c.dst_pk FROM cites c
            WHERE c.version > $lo AND c.version <= $hi
              AND NOT EXISTS (SELECT 1 FROM cites o NOT INDEXED WHERE o.src_pk = c.src_pk AND o.dst_pk = c.dst_pk
                  AND o.kind = 1 - c.kind AND coalesce(o.version, 0) <= $lo);
            """))
        {
            rows.Parameters.AddWithValue("$lo", lo);
            rows.Parameters.AddWithValue("$hi", hi);
            var seen = new HashSet<(long, long)>();
            await using var reader = await rows.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var pair = (reader.GetInt64(0), reader.GetInt64(1));
                if (!histories.ContainsKey(pair) && seen.Add(pair))
                {
                    delta[pair.Item2] = delta.GetValueOrDefault(pair.Item2) + sign;
                }
            }
        }

        // Papers added between the two: not there at the earlier one (or a stub then), so none is taken from the anchor.
        await using (var added = tx.Command("""
            SELECT p.pk FROM change_event e INDEXED BY change_event_by_version JOIN paper p ON p.id = e.paper
            WHERE e.version > $lo AND e.version <= $hi AND e.kind = 1;
            """))
        {
            added.Parameters.AddWithValue("$lo", lo);
            added.Parameters.AddWithValue("$hi", hi);
            await using var reader = await added.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                delta.TryAdd(reader.GetInt64(0), 0);
            }
        }

        var touched = await ScoreTouchedAsync(tx, delta, histories, a, version, snapshot, ct).ConfigureAwait(false);
        var best = await TopCheckedAsync(tx, first, filter, version, Groups(touched), checkAdded: true, ct).ConfigureAwait(false);
        var untouched = snapshot is not null
            ? await TopCheckedAsync(tx, first, filter, version, Untouched(snapshot, delta), checkAdded: false, ct).ConfigureAwait(false)
            : await KeptTopAsync(tx, first, filter, a, delta, ct).ConfigureAwait(false);
        best.AddRange(untouched);
        return [.. best.OrderByDescending(p => p.Score).ThenBy(p => p.Paper.Id, StringComparer.Ordinal).Take(first)];
    }

    /// <summary>
    /// The version of the counts nearest <paramref name="version"/>: an analyze run's kept counts or the snapshot's
    /// (<paramref name="snapshotVersion"/>), by the citations and papers the versions between them added or removed (their
    /// summaries); the snapshot on a tie, its counts being in memory. Null when no run kept counts and there is no snapshot.
    /// </summary>
    private static async Task<long?> NearestCountsAsync(SqliteConnection connection, long version, long? snapshotVersion, CancellationToken ct)
    {
        var anchors = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT version FROM analytics_run WHERE version IS NOT NULL ORDER BY version;";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                anchors.Add(reader.GetInt64(0));
            }
        }

        if (snapshotVersion is { } s)
        {
            anchors.Add(s);
        }

        if (anchors.Count == 0)
        {
            return null;
        }

        var changes = new SortedDictionary<long, long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {SqliteVersionLog.VersionColumns} FROM version v WHERE v.number > $lo AND v.number <= $hi;";
            command.Parameters.AddWithValue("$lo", Math.Min(anchors.Min(), version));
            command.Parameters.AddWithValue("$hi", Math.Max(anchors.Max(), version));
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var v = await SqliteVersionLog.ReadAsync(connection, reader, ct).ConfigureAwait(false);
                changes[v.Number] = (long)v.Summary.CitationsAdded + v.Summary.CitationsRemoved + v.Summary.PapersAdded;
            }
        }

        long Cost(long anchor) => changes.Where(c => c.Key > Math.Min(anchor, version) && c.Key <= Math.Max(anchor, version)).Sum(c => c.Value);
        return anchors.OrderBy(Cost).ThenBy(anchor => anchor == snapshotVersion ? 0 : 1).First();
    }

    /// <summary>
    /// Every citing pair a version after <paramref name="lo"/> removed a citation of, by (citing, cited) key, with its
    /// stored events after <paramref name="lo"/> and its rows now. Few (derive's withdrawn inferences; none in a history of
    /// loads), and asked for only when there is one.
    /// </summary>
    private static async Task<Dictionary<(long, long), CitationHistory>> RemovedPairsAsync(SqliteTransaction tx, long lo, CancellationToken ct)
    {
        var histories = new Dictionary<(long, long), CitationHistory>();
        await using (var any = tx.Command("SELECT EXISTS (SELECT 1 FROM change_event INDEXED BY change_event_by_version WHERE version > $lo AND kind = 5);"))
        {
            any.Parameters.AddWithValue("$lo", lo);
            if (await any.ExecuteScalarAsync(ct).ConfigureAwait(false) is not 1L)
            {
                return histories;
            }
        }

        await using (var events = tx.Command("""
            SELECT s.pk, d.pk, coalesce(json_extract(e.data, '$.kind'), 'explicit'), e.version, e.kind
            FROM change_event e JOIN paper s ON s.id = e.paper JOIN paper d ON d.id = e.other
            WHERE e.version > $lo AND e.kind IN (4, 5)
              AND (e.paper, e.other) IN (SELECT r.paper, r.other FROM change_event r WHERE r.version > $lo AND r.kind = 5)
            ORDER BY e.version, e.seq;
            """))
        {
            events.Parameters.AddWithValue("$lo", lo);
            await using var reader = await events.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var pair = (reader.GetInt64(0), reader.GetInt64(1));
                if (!histories.TryGetValue(pair, out var history))
                {
                    histories[pair] = history = new CitationHistory();
                }

                history.AddEvent(reader.GetString(2), reader.GetInt64(3), removed: reader.GetInt32(4) == (int)Storage.Versions.ChangeKind.CitationRemoved);
            }
        }

        if (histories.Count > 0)
        {
            await using var rows = tx.Command($"""
                SELECT c.src_pk, c.dst_pk, {CitationKinds.NameSql("c")}, coalesce(c.version, 0)
                FROM json_each($pairs) j CROSS JOIN cites c ON c.src_pk = json_extract(j.value, '$[0]') AND c.dst_pk = json_extract(j.value, '$[1]');
                """);
            rows.Parameters.AddWithValue("$pairs", JsonArray(histories.Keys.Select(p => $"[{p.Item1},{p.Item2}]")));
            await using var reader = await rows.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                histories[(reader.GetInt64(0), reader.GetInt64(1))].AddRow(reader.GetString(2), reader.GetInt64(3));
            }
        }

        return histories;
    }

    /// <summary>
    /// The touched papers' counts at <paramref name="version"/>: the anchor's count moved by <paramref name="delta"/>; a
    /// paper an analyze run kept no count for (a stub then, or not there yet: new papers, which have few citations) is
    /// counted whole over its rows written by then and its removed pairs.
    /// </summary>
    private static async Task<List<(long Key, double Score)>> ScoreTouchedAsync(
        SqliteTransaction tx, Dictionary<long, int> delta, Dictionary<(long, long), CitationHistory> histories,
        long anchor, long version, CitationCountsAt? snapshot, CancellationToken ct)
    {
        var scored = new List<(long Key, double Score)>(delta.Count);
        if (snapshot is not null)
        {
            foreach (var (key, change) in delta)
            {
                scored.Add((key, snapshot.CountOf(key) + change));
            }

            return scored;
        }

        var whole = new HashSet<long>(delta.Keys);
        // CROSS JOIN: the keys are the outer loop, one seek each (the planner otherwise scans the run and the keys per row).
        await using (var kept = tx.Command("""
            SELECT h.paper_pk, h.citations FROM json_each($keys) j
            CROSS JOIN analytics_history h ON h.version = $run AND h.paper_pk = j.value WHERE h.citations IS NOT NULL;
            """))
        {
            kept.Parameters.AddWithValue("$keys", JsonArray(delta.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            kept.Parameters.AddWithValue("$run", anchor);
            await using var reader = await kept.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = reader.GetInt64(0);
                scored.Add((key, reader.GetInt64(1) + delta[key]));
                whole.Remove(key);
            }
        }

        if (whole.Count == 0)
        {
            return scored;
        }

        var citing = whole.ToDictionary(k => k, _ => new HashSet<long>());
        await using (var rows = tx.Command("""
            SELECT c.dst_pk, c.src_pk FROM json_each($keys) j CROSS JOIN cites c INDEXED BY cites_dst ON c.dst_pk = j.value
            WHERE coalesce(c.version, 0) <= $v;
            """))
        {
            rows.Parameters.AddWithValue("$keys", JsonArray(whole.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            rows.Parameters.AddWithValue("$v", version);
            await using var reader = await rows.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var (dst, src) = (reader.GetInt64(0), reader.GetInt64(1));
                if (!histories.ContainsKey((src, dst)))
                {
                    citing[dst].Add(src);
                }
            }
        }

        foreach (var ((src, dst), history) in histories)
        {
            if (citing.TryGetValue(dst, out var set) && history.StoodAt(version))
            {
                set.Add(src);
            }
        }

        scored.AddRange(citing.Select(c => (c.Key, (double)c.Value.Count)));
        return scored;
    }

    /// <summary>Scored papers in groups of equal score, best first, so a page never ends inside a tie.</summary>
    private static IEnumerable<IReadOnlyList<(long Key, double Score)>> Groups(List<(long Key, double Score)> scored)
    {
        scored.Sort((x, y) => y.Score.CompareTo(x.Score));
        for (var i = 0; i < scored.Count;)
        {
            var j = i;
            while (j < scored.Count && scored[j].Score == scored[i].Score)
            {
                j++;
            }

            yield return scored.GetRange(i, j - i);
            i = j;
        }
    }

    /// <summary>The snapshot's papers in its order, each one alone (the order already breaks ties by id), skipping the touched.</summary>
    private static IEnumerable<IReadOnlyList<(long Key, double Score)>> Untouched(CitationCountsAt snapshot, Dictionary<long, int> touched)
    {
        foreach (var (key, count) in snapshot.ByCount())
        {
            if (!touched.ContainsKey(key))
            {
                yield return [(key, count)];
            }
        }
    }

    /// <summary>
    /// The first <paramref name="first"/> candidates (given best first, in groups) that pass the filter and — for papers
    /// that may have been added after the version — existed then, read with their rows; whole groups, so ties at the end are
    /// all there for the final order by id.
    /// </summary>
    private static async Task<List<(Paper Paper, double Score)>> TopCheckedAsync(
        SqliteTransaction tx, int first, PaperFilter filter, long version,
        IEnumerable<IReadOnlyList<(long Key, double Score)>> groups, bool checkAdded, CancellationToken ct)
    {
        var found = new List<(Paper Paper, double Score)>(first);
        var batch = new Dictionary<long, double>();
        using var group = groups.GetEnumerator();
        var more = true;
        while (found.Count < first && more)
        {
            batch.Clear();
            while (batch.Count < Math.Max(CandidateBatch, first - found.Count) && (more = group.MoveNext()))
            {
                foreach (var (key, score) in group.Current)
                {
                    batch[key] = score;
                }
            }

            if (batch.Count == 0)
            {
                break;
            }

            await using var command = tx.Command("");
            var where = FilterSql(filter, command);
            if (where is null)
            {
                return found;
            }

            // Through the paper's events (`+e.version` keeps the version index out of the planner's choice), never INDEXED
            // BY: a bulk load drops that index for its length, and the query then scans.
            var added = checkAdded
                ? "AND NOT EXISTS (SELECT 1 FROM change_event e WHERE e.paper = p.id AND e.kind IN (1, 3) AND e.kind = 1 AND +e.version > $v)"
                : "";
            command.CommandText = $"SELECT {PaperColumns}, p.pk FROM paper p WHERE p.pk IN (SELECT value FROM json_each($keys)) AND {where} {added};";
            command.Parameters.AddWithValue("$keys", JsonArray(batch.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            command.Parameters.AddWithValue("$v", version);
            var passed = new List<(Paper Paper, double Score)>();
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    passed.Add((ReadPaper(reader), batch[reader.GetInt64(PaperColumnCount)]));
                }
            }

            found.AddRange(passed.OrderByDescending(p => p.Score).ThenBy(p => p.Paper.Id, StringComparer.Ordinal));
        }

        return found;
    }

    /// <summary>The best papers by an analyze run's kept counts that no change touched, through the counts index.</summary>
    private static async Task<List<(Paper Paper, double Score)>> KeptTopAsync(
        SqliteTransaction tx, int first, PaperFilter filter, long run, Dictionary<long, int> touched, CancellationToken ct)
    {
        await using var top = tx.Command("");
        var where = FilterSql(filter, top);
        if (where is null)
        {
            return [];
        }

        top.CommandText = $"""
            SELECT {PaperColumns}, h.citations FROM analytics_history h INDEXED BY analytics_history_citations
            JOIN paper p ON p.pk = h.paper_pk
            WHERE h.version = $run AND h.citations IS NOT NULL AND {where} AND h.paper_pk NOT IN (SELECT value FROM json_each($touched))
            ORDER BY h.citations DESC, p.id LIMIT $first;
            """;
        top.Parameters.AddWithValue("$run", run);
        top.Parameters.AddWithValue("$first", first);
        top.Parameters.AddWithValue("$touched", JsonArray(touched.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await ReadScoredAsync(top, first, ct).ConfigureAwait(false);
    }

    private static string JsonArray(IEnumerable<string> items)
    {
        var json = new StringBuilder("[");
        foreach (var item in items)
        {
            json.Append(json.Length > 1 ? "," : "").Append(item);
        }

        return json.Append(']').ToString();
    }
}
