using System.Text.Json;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// <c>communityTimeline</c> over a generated corpus with a field planted to be born in 2005 and two fields planted to merge
/// in 2012 (<c>citegraph generate --born-year 2005 --merge-year 2012</c>), loaded and analyzed as a user would.
/// </summary>
public sealed class CommunityTimelineQueryTests : IAsyncLifetime
{
    private const int BornYear = 2005;
    private const int MergeYear = 2012;

    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        var corpus = _dir.File("planted.jsonl");
        await SyntheticCorpus.WriteAsync(corpus, new GeneratorOptions { Papers = 6_000, RefsPerPaper = 8, Seed = 5, BornYear = BornYear, MergeYear = MergeYear });
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("planted.db") });
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(corpus)], cancellationToken: TestContext.Current.CancellationToken);
        await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest(), cancellationToken: TestContext.Current.CancellationToken);
        _services = new ServiceCollection().AddSingleton<IGraphStore>(_store).AddCiteGraphQL().BuildServiceProvider();
        await _services.GetRequiredService<SnapshotHolder>().RebuildAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<JsonElement> ExecuteAsync(string query)
    {
        var result = await _services.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            RequestServices = _services,
            CancellationToken = TestContext.Current.CancellationToken,
        });
        return JsonDocument.Parse(_services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result)).RootElement.Clone();
    }

    /// <summary>The community holding most of the papers whose title carries one of <paramref name="words"/>, and its share of them.</summary>
    private async Task<(int Community, double Share)> HomeOfAsync(params string[] words)
    {
        var page = await _store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 10_000), TestContext.Current.CancellationToken);
        var field = page.Items.Select(i => i.Paper).Where(p => words.Any(w => p.Title.Contains(w, StringComparison.Ordinal))).ToList();
        var home = field.GroupBy(p => p.Community).OrderByDescending(g => g.Count()).First();
        return (home.Key!.Value, home.Count() / (double)field.Count);
    }

    [Fact]
    public async Task The_timeline_reports_the_planted_field_born_in_its_year_and_the_planted_merge_in_its_year()
    {
        var response = await ExecuteAsync(
            "{ communityTimeline { slices { year papers communities { id size community { label } } } " +
            "events { year kind communityId size community { label } related { communityId share } } } }");
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        var timeline = response.GetProperty("data").GetProperty("communityTimeline");
        var slices = timeline.GetProperty("slices").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(SyntheticCorpus.FirstYear, 30), slices.Select(s => s.GetProperty("year").GetInt32()));
        var events = timeline.GetProperty("events").EnumerateArray().ToList();
        string Describe() => string.Join("\n", events.Select(e => e.ToString()));
        static (string? Kind, int Year, int Community) Key(JsonElement e) =>
            (e.GetProperty("kind").GetString(), e.GetProperty("year").GetInt32(), e.GetProperty("communityId").GetInt32());

        // Where the planted fields' papers are (by the words only they use): each mostly in one community.
        var born = await HomeOfAsync("Quantum Annealers", "Ising Samplers");
        var merged = await HomeOfAsync("Photonic Spiking Networks", "Optoelectronic Neurons");
        var parentA = await HomeOfAsync("Neuromorphic Chips");
        var parentB = await HomeOfAsync("Optical Interconnects", "Photonic Circuits");
        Assert.All(new[] { born, merged, parentA, parentB }, home => Assert.True(home.Share >= 0.8, $"a planted field is scattered: {home}"));

        Assert.Contains(("BORN", BornYear, born.Community), events.Select(Key));
        var merge = Assert.Single(events, e => Key(e) == ("MERGED", MergeYear, merged.Community));
        var parents = merge.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("communityId").GetInt32()).ToList();
        Assert.True(parents.Contains(parentA.Community) && parents.Contains(parentB.Community),
            $"parents {string.Join(", ", parents)}; planted parents in {parentA.Community} and {parentB.Community}\n{Describe()}");
        // The born field is born once and nothing else merges into the merged field in another year.
        Assert.DoesNotContain(events, e => Key(e) is ("BORN", var year, var c) && c == born.Community && year != BornYear);
        Assert.DoesNotContain(events, e => Key(e) is ("MERGED", var year, var c) && c == merged.Community && year != MergeYear);
    }

    [Fact]
    public async Task A_reversed_range_and_a_threshold_out_of_bounds_are_refused()
    {
        var reversed = await ExecuteAsync("{ communityTimeline(from: 2010, to: 2000) { slices { year } } }");
        var threshold = await ExecuteAsync("{ communityTimeline(minPapers: 0) { slices { year } } }");

        Assert.Contains("from", reversed.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("minPapers", threshold.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
