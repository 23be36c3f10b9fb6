using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// The SQLite store's versions and change feed on a real file: events written with the data, a rewrite of unchanged
/// citations is no change, analyze runs keep their scores for rankings as of a version, and writes outside a run are
/// versions of their own.
/// </summary>
public sealed class SqliteVersionLogTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempDirectory _dir = new();
    private readonly SqliteGraphStore _store;

    public SqliteVersionLogTests() => _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("v.db") });

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_run_records_additions_merges_and_field_changes_and_asOf_undoes_the_later_ones()
    {
        await _store.InitializeAsync(Ct);
        var first = Some.Resolved(Some.Record("Lattice Attention for Graphs", "one.txt", 1, published: "2024-05", upvotes: 3));
        var second = Some.Resolved(Some.Record("Quasar Lenses", "one.txt", 2));
        GraphVersion v1;
        using (var run = VersionRun.Begin(VersionKind.Load))
        {
            await _store.UpsertAsync([first, second], Ct);
            v1 = await _store.CompleteRunAsync(run, Ct);
        }

        Assert.Equal(new VersionSummary(2, 0, 0, 0, 0), v1.Summary);
        var merged = first with { Record = Some.Record("Lattice Attention for Graphs", "two.txt", 7, published: "2024-05-17", upvotes: 40) };
        GraphVersion v2;
        using (var run = VersionRun.Begin(VersionKind.Ingest))
        {
            await _store.UpsertAsync([merged], Ct);
            v2 = await _store.CompleteRunAsync(run, Ct);
        }

        Assert.Equal(VersionKind.Ingest, v2.Kind);
        Assert.Equal(1, v2.Summary.PapersMerged);
        var events = (await _store.ReadChangesAsync(v1.Number, ChangeCursor.Start, 100, Ct)).Events;
        Assert.Contains(events, e => e.Kind == ChangeKind.PaperMerged && e.PaperId == first.PaperId && e.Get("source") == "two.txt" && e.Get("line") == "7");
        Assert.Contains(events, e => e.Kind == ChangeKind.FieldChanged && e.Get("field") == "upvotes" && e.Get("old") == "3" && e.Get("new") == "40");

        var then = await _store.FindPaperAsOfAsync(first.PaperId, v1.Number, Ct);
        var now = await _store.FindPaperAsync(first.PaperId, Ct);
        Assert.Equal((3, "2024-05"), (then!.Upvotes, then.Published));
        Assert.Equal((40, "2024-05-17"), (now!.Upvotes, now.Published));
        Assert.Null(await _store.FindPaperAsOfAsync(first.PaperId, 0, Ct));

        // The same record again changes nothing: an empty version.
        using (var run = VersionRun.Begin(VersionKind.Load))
        {
            await _store.UpsertAsync([merged], Ct);
            Assert.Equal(VersionSummary.Empty, (await _store.CompleteRunAsync(run, Ct)).Summary);
        }
    }

    [Fact]
    public async Task Rewriting_unchanged_inferred_citations_is_no_change_and_analyze_runs_keep_their_rankings()
    {
        await _store.InitializeAsync(Ct);
        var papers = new[] { "Alpha Transformers", "Beta Diffusion", "Gamma Retrieval" }.Select((t, i) => Some.Resolved(Some.Record(t, "a.txt", i + 1))).ToArray();
        await _store.UpsertAsync(papers, Ct);
        var ids = papers.Select(p => p.PaperId).ToArray();
        Citation[] inferred = [new(ids[1], ids[0], CitationKind.Inferred, 0.8, "method: AT"), new(ids[2], ids[0], CitationKind.Inferred, 0.7, "phrase: alpha")];

        await _store.ReplaceInferredCitationsAsync(inferred, Ct);
        await _store.ReplaceInferredCitationsAsync(inferred, Ct);
        await _store.ReplaceInferredCitationsAsync([inferred[0]], Ct);
        var versions = await _store.ReadVersionsAsync(0, 10, Ct);
        // The unchanged rewrite made no events, and outside a run no events is no version.
        Assert.Equal([VersionKind.Ingest, VersionKind.Derive, VersionKind.Derive], versions.Select(v => v.Kind));
        Assert.All(versions, v => Assert.True(v.Complete));
        Assert.Equal(2, versions[1].Summary.CitationsAdded);
        Assert.Equal(new VersionSummary(0, 0, 0, 0, 1), versions[2].Summary);
        // The row left says which version wrote it (schema 17): the derive that first added it, not the rewrites since.
        Assert.Equal([versions[1].Number], await CitationRowVersionsAsync());

        await _store.WriteAnalyticsAsync(Scores(ids, [0.5, 0.3, 0.2]), Ct);
        await _store.WriteAnalyticsAsync(Scores(ids, [0.1, 0.2, 0.7]), Ct);
        versions = await _store.ReadVersionsAsync(0, 10, Ct);
        var firstAnalyze = versions[^2];
        Assert.Equal(VersionKind.Analyze, firstAnalyze.Kind);
        var then = await _store.RankAsOfAsync(RankingMetric.PageRank, 3, new PaperFilter(), firstAnalyze.Number, Ct);
        var now = await _store.RankAsync(RankingMetric.PageRank, 3, new PaperFilter(), Ct);
        Assert.Equal(ids, then.Select(r => r.Paper.Id));
        Assert.Equal(0.5, then[0].Score);
        Assert.Equal(ids[2], now[0].Paper.Id);

        // Citations as of the first derive: both inferred citations of paper 0, though one was removed since.
        var cited = await _store.RankAsOfAsync(RankingMetric.Citations, 1, new PaperFilter(), versions[1].Number, Ct);
        Assert.Equal((ids[0], 2.0), (cited[0].Paper.Id, cited[0].Score));
    }

    private async Task<long[]> CitationRowVersionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_dir.File("v.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM cites ORDER BY src_pk, dst_pk;";
        var versions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            versions.Add(reader.GetInt64(0));
        }

        return [.. versions];
    }

    private static AnalyticsResults Scores(string[] ids, double[] pageRank) => new()
    {
        NodeIds = ids,
        PageRank = pageRank,
        Graph = "citations",
        Algorithms = ["pagerank"],
        RanAt = DateTimeOffset.UtcNow,
    };
}
