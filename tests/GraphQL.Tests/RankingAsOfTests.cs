using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// <c>ranking(asOf:)</c> on a real SQLite file against the rankings the store gave at each version (recorded then, by the
/// present-tense ranking): loads, analyze runs, inferred citations written and withdrawn, loads after the last analyze run,
/// in one history. Citations as of a version start from the counts of the nearest analyze run, before or after it, moved by
/// the citation rows written in between; the answers must equal the ones recorded.
/// </summary>
public sealed class RankingAsOfTests : IAsyncDisposable
{
    private const int Top = 15;

    private readonly TempDirectory _dir = new();
    private readonly SqliteGraphStore _store;
    private readonly Dictionary<long, (string Citations, string? PageRank)> _then = [];

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
        await LoadAsync(lines[..800]);
        await AnalyzeAsync();
        await LoadAsync(lines[800..1_400]);

        // Inferred citations to today's most cited paper from ten others (some of which cite it explicitly already), then
        // most of them withdrawn: removals as well as additions to undo.
        var cited = (await _store.RankAsync(RankingMetric.Citations, 1, new PaperFilter(), Ct))[0].Paper.Id;
        var citing = (await _store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 400), Ct)).Items.Select(i => i.Paper.Id)
            .Where(id => id != cited).Where((_, i) => i % 37 == 0).Take(10).ToArray();
        var inferred = citing.Select(id => new Citation(id, cited, CitationKind.Inferred, 0.6, "method: test")).ToArray();
        await _store.ReplaceInferredCitationsAsync(inferred, Ct);
        await RecordAsync(withPageRank: false);
        await _store.ReplaceInferredCitationsAsync(inferred[..3], Ct);
        await RecordAsync(withPageRank: false);

        await LoadAsync(lines[1_400..1_700]);
        await AnalyzeAsync();
        // Loads after the last analyze run: versions far from every run's kept counts, answered from the rows they wrote.
        await LoadAsync(lines[1_700..1_850]);
        await LoadAsync(lines[1_850..]);

        Assert.True(_then.Count >= 6, $"{_then.Count} versions recorded");
        foreach (var (version, then) in _then)
        {
            Assert.Equal(then.Citations, Describe(await _store.RankAsOfAsync(RankingMetric.Citations, Top, new PaperFilter(), version, Ct)));
            if (then.PageRank is not null)
            {
                Assert.Equal(then.PageRank, Describe(await _store.RankAsOfAsync(RankingMetric.PageRank, Top, new PaperFilter(), version, Ct)));
            }
        }

        // A filter applies to the ranking as of a version as to today's.
        var recent = new PaperFilter(YearFrom: 2015);
        var first = _then.Keys.Min();
        Assert.All(await _store.RankAsOfAsync(RankingMetric.Citations, Top, recent, first, Ct), r => Assert.True(r.Paper.Year >= 2015));
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
            withPageRank ? Describe(await _store.RankAsync(RankingMetric.PageRank, Top, new PaperFilter(), Ct)) : null);
    }

    private static string Describe(IReadOnlyList<RankedPaper> ranking) =>
        string.Join(", ", ranking.Select(r => $"{r.Paper.Id}={r.Score:R}"));
}
