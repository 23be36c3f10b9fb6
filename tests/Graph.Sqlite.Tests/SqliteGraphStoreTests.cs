using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

public sealed class SqliteGraphStoreTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        await _store.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Initialize_creates_a_wal_file_at_the_latest_schema_version_and_is_idempotent()
    {
        await _store.InitializeAsync(Ct);
        Assert.Equal(SqliteMigrator.LatestVersion, await _store.GetSchemaVersionAsync(Ct));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Refuses_a_database_from_a_newer_schema()
    {
        await ScalarAsync("PRAGMA user_version = 999;");
        var ex = await Assert.ThrowsAsync<GraphStoreException>(() => _store.InitializeAsync(Ct));
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upserting_the_same_batch_twice_changes_nothing()
    {
        var batch = new[]
        {
            Some.Resolved(Some.Record("Paper One", repo: "https://github.com/a/one.git.")),
            Some.Resolved(Some.Record("Paper Two", line: 5, arxiv: "2101.00001")),
        };
        await _store.UpsertAsync(batch, Ct);
        var before = await DumpAsync();
        await _store.UpsertAsync(batch, Ct);
        Assert.Equal(before, await DumpAsync());
        var stats = await _store.GetStatsAsync(Ct);
        Assert.Equal((2, 1, 2), (stats.Papers, stats.Repos, stats.Sources));
    }

    [Fact]
    public async Task Merging_keeps_the_most_complete_values_whatever_the_order_and_every_source()
    {
        var id = Some.Resolved(Some.Record("Light Bridge")).PaperId;
        var sparse = Some.Record("Light bridge", file: "b.txt", line: 3, @abstract: "Short abstract here.", published: "Nov 21", upvotes: 2);
        var rich = Some.Record("Light Bridge", file: "c.txt", line: 9, @abstract: "A much longer abstract that says more.", published: "Nov 21, 2023", upvotes: 7);

        await _store.UpsertAsync([new(id, sparse)], Ct);
        await _store.UpsertAsync([new(id, rich)], Ct);
        var forward = await _store.FindPaperAsync(id, Ct);

        await using var other = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("other.db") });
        await other.InitializeAsync(Ct);
        await other.UpsertAsync([new(id, rich)], Ct);
        await other.UpsertAsync([new(id, sparse)], Ct);
        var backward = await other.FindPaperAsync(id, Ct);

        Assert.Equal(forward, backward);
        Assert.Equal("2023-11-21", forward!.Published);
        Assert.Equal(2023, forward.Year);
        Assert.Equal(7, forward.Upvotes);
        Assert.Equal("A much longer abstract that says more.", forward.Abstract);
        var sources = (await _store.GetSourcesAsync([id], Ct))[id];
        Assert.Equal(["b.txt:3", "c.txt:9"], sources.Select(s => s.ToString()));
    }

    [Fact]
    public async Task Finds_papers_by_id_or_external_id_in_any_spelling()
    {
        var resolved = Some.Resolved(Some.Record("Scaling Laws", arxiv: "2001.08361"));
        await _store.UpsertAsync([resolved], Ct);
        Assert.Equal(resolved.PaperId, (await _store.FindPaperAsync(resolved.PaperId, Ct))?.Id);
        Assert.Equal(resolved.PaperId, (await _store.FindPaperAsync("arXiv:2001.08361v2", Ct))?.Id);
        Assert.Null(await _store.FindPaperAsync("P0000000000000000", Ct));
        Assert.Null(await _store.FindPaperAsync("'; DROP TABLE paper; --", Ct));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:lattice OR NOT abstract")]
    [InlineData("lattice*) AND (")]
    [InlineData("NEAR(lattice attention, 2)")]
    public async Task Search_treats_fts_syntax_in_user_text_as_words(string hostile)
    {
        await _store.UpsertAsync([Some.Resolved(Some.Record("Sparse Lattice Attention", @abstract: "Attention on a lattice."))], Ct);
        var hits = await _store.SearchAsync(hostile, 10, Ct);
        Assert.All(hits, h => Assert.Equal("Sparse Lattice Attention", h.Paper.Title));
    }

    [Fact]
    public async Task Search_ranks_title_matches_first_and_marks_the_snippet()
    {
        await _store.UpsertAsync(
        [
            Some.Resolved(Some.Record("Graph Weaver", @abstract: "We weave retrieval over citation graphs.")),
            Some.Resolved(Some.Record("Tidepool", line: 2, @abstract: "A benchmark; unrelated to weaver models but mentions Weaver once.")),
        ], Ct);
        var hits = await _store.SearchAsync("weaver", 10, Ct);
        Assert.Equal(["Graph Weaver", "Tidepool"], hits.Select(h => h.Paper.Title));
        Assert.Contains("[", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Empty(await _store.SearchAsync("!!!", 10, Ct));
    }

    [Fact]
    public async Task Search_reuses_each_words_ranked_list_until_the_index_changes()
    {
        await _store.UpsertAsync(
        [
            Some.Resolved(Some.Record("Graph Weaver", @abstract: "We weave retrieval over citation graphs.")),
            Some.Resolved(Some.Record("Retrieval Loom", line: 2, @abstract: "Weaver retrieval for looms.")),
        ], Ct);
        // The first search of the words is ranked by FTS5 and has their lists built in the background.
        var first = await _store.SearchAsync("weaver retrieval", 10, Ct);
        Assert.Equal(2, first.Count);
        await _store.SearchListsIdleAsync(Ct);
        var built = _store.SearchListBuilds;
        Assert.Equal(2, built);

        // The same query from the lists gives the same answer; other queries over the words, a repeated word and
        // another spelling read the kept lists.
        Assert.Equal(Answer(first), Answer(await _store.SearchAsync("weaver retrieval", 10, Ct)));
        Assert.Equal(2, (await _store.SearchAsync("retrieval", 10, Ct)).Count);
        Assert.Single(await _store.SearchAsync("Weaver weaver RETRIEVAL", 1, Ct));
        await _store.SearchListsIdleAsync(Ct);
        Assert.Equal(built, _store.SearchListBuilds);

        // A write by another connection (a CLI load into a served file) changes the index: the kept lists no longer
        // answer, the new paper is found, and the lists are built again.
        await using (var other = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") }))
        {
            await other.UpsertAsync([Some.Resolved(Some.Record("Weaver Retrieval", line: 3, @abstract: "Both words, in the title."))], Ct);
        }

        var after = await _store.SearchAsync("weaver retrieval", 10, Ct);
        Assert.Equal("Weaver Retrieval", after[0].Paper.Title);
        Assert.Equal(3, after.Count);
        await _store.SearchListsIdleAsync(Ct);
        Assert.Equal(built + 2, _store.SearchListBuilds);
        Assert.Equal(Answer(after), Answer(await _store.SearchAsync("weaver retrieval", 10, Ct)));

        static List<(string, double, string)> Answer(IReadOnlyList<SearchHit> hits) => hits.Select(h => (h.Paper.Id, h.Score, h.Snippet)).ToList();
    }

    [Fact]
    public async Task Pages_through_filtered_papers_without_gaps_or_repeats()
    {
        var records = Enumerable.Range(1, 25).Select(i => Some.Resolved(Some.Record(
            $"Paper {i}", line: i, published: $"Jan 1, {2000 + (i % 5)}", repo: i % 2 == 0 ? $"https://github.com/o/r{i}" : null))).ToList();
        await _store.UpsertAsync(records, Ct);

        var seen = new List<string>();
        long? after = null;
        PaperPage page;
        do
        {
            page = await _store.QueryPapersAsync(new PaperQuery(new PaperFilter(YearFrom: 2001, YearTo: 2003, HasRepo: true), 4, after), Ct);
            seen.AddRange(page.Items.Select(i => i.Paper.Title));
            after = page.Items.Count > 0 ? page.Items[^1].Position : after;
            Assert.Equal(records.Count(r => r.Record.Year is >= 2001 and <= 2003 && r.Record.Repos.Count > 0), page.TotalCount);
        }
        while (page.HasNextPage);

        var expected = records.Where(r => r.Record.Year is >= 2001 and <= 2003 && r.Record.Repos.Count > 0).Select(r => r.Record.Title);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_the_store_as_it_was()
    {
        await _store.UpsertAsync([Some.Resolved(Some.Record("Kept"))], Ct);
        var before = await DumpAsync();
        var batch = Enumerable.Range(0, 500).Select(i => Some.Resolved(Some.Record($"Lost {i}", line: i))).ToList();
        // A record the schema refuses (no title), in the middle of the batch.
        batch[250] = batch[250] with { Record = batch[250].Record with { Title = null! } };
        await Assert.ThrowsAnyAsync<Exception>(() => _store.UpsertAsync(batch, Ct));
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task A_cancelled_batch_writes_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.UpsertAsync([Some.Resolved(Some.Record("Never"))], cts.Token));
        Assert.Equal(0, (await _store.GetStatsAsync(Ct)).Papers);
    }

    [Fact]
    public async Task Readers_see_whole_batches_while_a_writer_writes()
    {
        var batches = Enumerable.Range(0, 20)
            .Select(b => Enumerable.Range(0, 200).Select(i => Some.Resolved(Some.Record($"P {b}-{i}", file: $"f{b}", line: i))).ToList())
            .ToList();
        var writer = Task.Run(async () =>
        {
            foreach (var batch in batches)
            {
                await _store.UpsertAsync(batch, Ct);
            }
        }, Ct);
        var observed = new List<int>();
        while (!writer.IsCompleted)
        {
            observed.Add((await _store.GetStatsAsync(Ct)).Papers);
        }

        await writer;
        Assert.All(observed, n => Assert.Equal(0, n % 200));
        Assert.Equal(4000, (await _store.GetStatsAsync(Ct)).Papers);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_dir.File("graph.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>Every row of every table, as text, to compare whole-store states.</summary>
    private async Task<string> DumpAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_dir.File("graph.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'paper_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sb = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\";";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString())));
            }

            sb.Append("## ").AppendLine(table);
            rows.Sort(StringComparer.Ordinal);
            rows.ForEach(r => sb.AppendLine(r));
        }

        return sb.ToString();
    }
}
