using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// <c>ranking(asOf:)</c> on a real SQLite file against the rankings the store gave at each version (recorded then, by the
/// present-tense ranking, a grouped count over every citation row): loads (one of them before the papers it cites, so stubs
/// become papers later), analyze runs, inferred citations written, withdrawn and written again, loads after the last analyze
/// run, in one history. Citations as of a version walk from the nearest counts known whole — an analyze run's, or a
/// snapshot's in-degrees (the last version, or an older one the store has moved on from) — by the rows written and the
/// citations removed in between; every answer, for every version, with and without a snapshot, with and without a filter,
/// must equal the one recorded.
/// </summary>
public sealed class RankingAsOfTests : IAsyncDisposable
{
    private const int Top = 15;

    private static readonly PaperFilter Recent = new(YearFrom: 2015);

    private readonly TempDirectory _dir = new();
    private readonly SqliteGraphStore _store;
    private readonly Dictionary<long, (string Citations, string RecentCitations, string? PageRank)> _then = [];

    public RankingAsOfTests() => _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("asof.db") });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Rankings_as_of_every_version_equal_the_rankings_given_at_that_version()
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 2_000, RefsPerPaper = 6, Seed = 3 }).ToArray();
        await LoadAsync(lines[..600]);
        // Papers citing ones not loaded yet: those are stubs until the next load fills them (a paper added then).
        await LoadAsync(lines[800..1_000]);
        await LoadAsync(lines[600..800]);
        await AnalyzeAsync();
        await LoadAsync(lines[1_000..1_400]);

        // Inferred citations to today's most cited paper from ten others (some of which cite it explicitly already), then
        // most of them withdrawn, then written again: removals and additions of the same citations to undo.
        var cited = (await _store.RankAsync(RankingMetric.Citations, 1, new PaperFilter(), Ct))[0].Paper.Id;
        var citing = (await _store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 400), Ct)).Items.Select(i => i.Paper.Id)
            .Where(id => id != cited).Where((_, i) => i % 37 == 0).Take(10).ToArray();
        var inferred = citing.Select(id => new Citation(id, cited, CitationKind.Inferred, 0.6, "method: test")).ToArray();
        await _store.ReplaceInferredCitationsAsync(inferred, Ct);
        await RecordAsync(withPageRank: false);
        await _store.ReplaceInferredCitationsAsync(inferred[..3], Ct);
        await RecordAsync(withPageRank: false);
        var middle = await new SnapshotHolder(_store).RebuildAsync(Ct);
        await _store.ReplaceInferredCitationsAsync(inferred[..8], Ct);
        await RecordAsync(withPageRank: false);

        await LoadAsync(lines[1_400..1_700]);
        await AnalyzeAsync();
        // Loads after the last analyze run: versions far from every run's kept counts, near the snapshot's.
        await LoadAsync(lines[1_700..1_850]);
        await _store.ReplaceInferredCitationsAsync(inferred[5..], Ct);
        await RecordAsync(withPageRank: false);
        await LoadAsync(lines[1_850..]);
        var last = await new SnapshotHolder(_store).RebuildAsync(Ct);

        Assert.True(_then.Count >= 12, $"{_then.Count} versions recorded");
        var anchors = new[] { null, CitationCountsAt.Of(middle), CitationCountsAt.Of(last) };
        Assert.All(anchors[1..], a => Assert.NotNull(a));
        Assert.True(anchors[1]!.Version < anchors[2]!.Version);
        foreach (var (version, then) in _then)
        {
            foreach (var counts in anchors)
            {
                var at = $"as of v{version} from {(counts is null ? "the analyze runs" : $"the snapshot of v{counts.Version}")}";
                Assert.True(then.Citations == Describe(await _store.RankAsOfAsync(RankingMetric.Citations, Top, new PaperFilter(), version, counts, Ct)), at);
                Assert.True(then.RecentCitations == Describe(await _store.RankAsOfAsync(RankingMetric.Citations, Top, Recent, version, counts, Ct)), $"{at}, since 2015");
            }

            if (then.PageRank is not null)
            {
                Assert.Equal(then.PageRank, Describe(await _store.RankAsOfAsync(RankingMetric.PageRank, Top, new PaperFilter(), version, Ct)));
            }
        }
    }

    private async Task LoadAsync(string[] lines)
    {
        var file = _dir.Write($"part-{_then.Count}.jsonl", string.Join('\n', lines));
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(file)], cancellationToken: Ct);
        await RecordAsync(withPageRank: false);
    }

    private async Task AnalyzeAsync()
    {
        await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest { Algorithms = new HashSet<AnalyticsAlgorithm> { AnalyticsAlgorithm.PageRank } }, cancellationToken: Ct);
        await RecordAsync(withPageRank: true);
    }

    private async Task RecordAsync(bool withPageRank)
    {
        var version = (await _store.ReadVersionsAsync(0, 1_000, Ct))[^1].Number;
        _then[version] = (
            Describe(await _store.RankAsync(RankingMetric.Citations, Top, new PaperFilter(), Ct)),
            Describe(await _store.RankAsync(RankingMetric.Citations, Top, Recent, Ct)),
            withPageRank ? Describe(await _store.RankAsync(RankingMetric.PageRank, Top, new PaperFilter(), Ct)) : null);
    }

    private static string Describe(IReadOnlyList<RankedPaper> ranking) =>
        string.Join(", ", ranking.Select(r => $"{r.Paper.Id}={r.Score:R}"));
}
