using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// <c>ranking(metric: CITATIONS)</c> answered from the serving snapshot equals the store's grouped count, paper for paper
/// and in the same tie order, on a generated store (a real SQLite file) with inferred citations beside explicit ones
/// (a pair cited both ways is one citing paper), with and without filters.
/// </summary>
public sealed class SnapshotCitationRankingTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteGraphStore _store;
    private ServiceProvider? _services;

    public SnapshotCitationRankingTests() => _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("ranking.db") });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_snapshot_ranking_equals_the_store_ranking_with_and_without_filters()
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 3_000, RefsPerPaper = 5, Seed = 11 });
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(_dir.Write("corpus.jsonl", string.Join('\n', lines)))], cancellationToken: Ct);

        // Inferred citations to the most cited papers, from papers that cite them explicitly already and from others.
        var top = await _store.RankAsync(RankingMetric.Citations, 5, new PaperFilter(), Ct);
        var some = (await _store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 600), Ct)).Items.Select(i => i.Paper.Id).ToArray();
        var inferred = top.SelectMany(t => some.Where((_, i) => i % 7 == 0).Where(id => id != t.Paper.Id)
            .Select(id => new Citation(id, t.Paper.Id, CitationKind.Inferred, 0.6, "method: test"))).ToArray();
        await _store.ReplaceInferredCitationsAsync(inferred, Ct);

        _services = new ServiceCollection().AddSingleton<IGraphStore>(_store).AddCiteGraphQL(limits => limits.MaxDepth = 8).BuildServiceProvider();
        await _services.GetRequiredService<SnapshotHolder>().RebuildAsync(Ct);

        (string Arguments, PaperFilter Filter)[] cases =
        [
            ("first: 1", new PaperFilter()),
            ("first: 50", new PaperFilter()),
            ("first: 500", new PaperFilter()),  // deep into the ties at low counts, where the id decides
            ("first: 40, filter: { yearFrom: 2015 }", new PaperFilter(YearFrom: 2015)),
            ("first: 40, filter: { yearFrom: 2005, yearTo: 2012 }", new PaperFilter(YearFrom: 2005, YearTo: 2012)),
            ("first: 40, filter: { hasRepo: true }", new PaperFilter(HasRepo: true)),
            ("first: 40, filter: { hasRepo: false, yearTo: 2018 }", new PaperFilter(HasRepo: false, YearTo: 2018)),
            // A text filter is the store's (the snapshot holds no text): the same answer either way.
            ("first: 20, filter: { text: \"learning\" }", new PaperFilter(Text: "learning")),
        ];
        var answeredCases = 0;
        foreach (var (arguments, filter) in cases)
        {
            var expected = await _store.RankAsync(RankingMetric.Citations, FirstOf(arguments), filter, Ct);
            var response = await _services.ResponseAsync($"{{ ranking(metric: CITATIONS, {arguments}) {{ rank score paper {{ id }} }} }}");
            Assert.True(response.TryGetProperty("data", out var data), response.ToString());
            var answered = data.GetProperty("ranking").EnumerateArray()
                .Select(r => $"{r.GetProperty("rank").GetInt32()}:{r.GetProperty("paper").GetProperty("id").GetString()}={r.GetProperty("score").GetDouble():R}");
            answeredCases += expected.Count > 0 ? 1 : 0;
            Assert.Equal(expected.Select(r => $"{r.Rank}:{r.Paper.Id}={r.Score:R}"), answered);
        }

        Assert.True(answeredCases >= 6, $"{answeredCases} of {cases.Length} cases had papers to rank");
        // The inferred citations moved the ranking: the check above saw pairs cited both ways.
        Assert.NotEqual(top[0].Score, (await _store.RankAsync(RankingMetric.Citations, 1, new PaperFilter(), Ct))[0].Score);
    }

    private static int FirstOf(string arguments) =>
        int.Parse(arguments.Split(',')[0]["first: ".Length..], CultureInfo.InvariantCulture);
}
