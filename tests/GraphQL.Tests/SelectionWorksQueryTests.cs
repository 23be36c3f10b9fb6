using System.Text.Json;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using GraphQL;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// priorWorks, derivativeWorks and communityLinks (the explorer's lists and communities map) over the demo corpus with
/// a citation structure and analytics: each answer is checked against the store's own citation lists, read paper by
/// paper (not the snapshot the fields use).
/// </summary>
public sealed class SelectionWorksQueryTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private List<string> _ids = [];

    public async ValueTask InitializeAsync()
    {
        var page = await demo.Store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 100), Ct);
        _ids = page.Items.Select(i => i.Paper.Id).ToList();
        var p = _ids;
        // 0 is cited by 1, 2, 3 (3 also by inference: still one link); 1 by 2 and 3; 4 cites 2; 5 cites 3 and 4.
        await demo.Store.UpsertCitationsAsync(
        [
            new Citation(p[1], p[0], CitationKind.Explicit),
            new Citation(p[2], p[0], CitationKind.Explicit),
            new Citation(p[3], p[0], CitationKind.Explicit),
            new Citation(p[3], p[0], CitationKind.Inferred, 0.8, "sparse lattice attention (SLA)"),
            new Citation(p[2], p[1], CitationKind.Explicit),
            new Citation(p[3], p[1], CitationKind.Inferred, 0.6, "LA"),
            new Citation(p[4], p[2], CitationKind.Explicit),
            new Citation(p[5], p[3], CitationKind.Explicit),
            new Citation(p[5], p[4], CitationKind.Explicit),
        ], Ct);
        await new AnalyticsRunner(demo.Store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);
        await demo.RebuildSnapshotAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Prior_works_are_the_papers_most_of_the_selection_cites_each_counted_once_per_citing_paper()
    {
        var selection = new[] { _ids[1], _ids[2], _ids[3] };
        var works = await WorksAsync("priorWorks", selection);

        var expected = await ExpectedAsync(selection, CitationDirection.Cites);
        Assert.Equal(expected.Select(e => (e.Id, e.Links)), works.Select(w => (w.GetProperty("paper").GetProperty("id").GetString()!, w.GetProperty("links").GetInt32())));
        // The most cited by the selection first: 0 (by all three), then 1 (by 2 and 3, which is in the selection too).
        Assert.Equal(_ids[0], works[0].GetProperty("paper").GetProperty("id").GetString());
        Assert.Equal(3, works[0].GetProperty("links").GetInt32());
        Assert.Equal(selection.Order(StringComparer.Ordinal), works[0].GetProperty("selection").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
        Assert.False(works[0].GetProperty("inSelection").GetBoolean());
        Assert.True(works.Single(w => w.GetProperty("paper").GetProperty("id").GetString() == _ids[1]).GetProperty("inSelection").GetBoolean());
    }

    [Fact]
    public async Task Derivative_works_are_the_papers_citing_most_of_the_selection()
    {
        var selection = new[] { _ids[2], _ids[3], _ids[4] };
        var works = await WorksAsync("derivativeWorks", selection);

        var expected = await ExpectedAsync(selection, CitationDirection.CitedBy);
        Assert.Equal(expected.Select(e => (e.Id, e.Links)), works.Select(w => (w.GetProperty("paper").GetProperty("id").GetString()!, w.GetProperty("links").GetInt32())));
        Assert.Equal(_ids[5], works[0].GetProperty("paper").GetProperty("id").GetString());
        Assert.Equal(2, works[0].GetProperty("links").GetInt32());
    }

    [Fact]
    public async Task A_selection_outside_the_limits_or_naming_no_paper_is_refused_with_the_argument()
    {
        var empty = await demo.ExecuteAsync("{ priorWorks(paperIds: []) { links } }");
        Assert.Equal("INVALID_ARGUMENT", empty.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var unknown = await demo.ExecuteAsync("{ derivativeWorks(paperIds: [\"P-no-such-paper\"]) { links } }");
        Assert.Equal("NOT_FOUND", unknown.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Community_links_count_the_citations_between_the_papers_of_two_communities_either_way()
    {
        var response = await demo.ExecuteAsync("{ communityLinks(first: 500) { source target citations coTopic } }");
        Assert.True(response.TryGetProperty("data", out var data), response.ToString());
        var links = data.GetProperty("communityLinks").EnumerateArray()
            .ToDictionary(l => (l.GetProperty("source").GetString()!, l.GetProperty("target").GetString()!), l => (l.GetProperty("citations").GetInt32(), l.GetProperty("coTopic").GetInt32()));

        // Brute force from the store: each paper's community, each citation (an explicit and an inferred one of the same pair count as one edge).
        var papers = await demo.Store.GetPapersAsync(_ids, Ct);
        var expected = new Dictionary<(string, string), int>();
        foreach (var id in _ids)
        {
            var cited = (await demo.Store.GetCitationsAsync(new CitationQuery(id, CitationDirection.Cites, 1000), Ct)).Items.Select(c => c.Paper).DistinctBy(c => c.Id);
            foreach (var other in cited)
            {
                if (papers[id].Community is { } a && other.Community is { } b && a != b)
                {
                    var key = a < b ? ($"C{a}", $"C{b}") : ($"C{b}", $"C{a}");
                    expected[key] = expected.GetValueOrDefault(key) + 1;
                }
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key), links.Where(l => l.Value.Item1 > 0).Select(l => KeyValuePair.Create(l.Key, l.Value.Item1)).OrderBy(e => e.Key));
        Assert.All(links, l => Assert.True(l.Value.Item1 + l.Value.Item2 > 0));
        var totals = data.GetProperty("communityLinks").EnumerateArray().Select(l => l.GetProperty("citations").GetInt32() + l.GetProperty("coTopic").GetInt32()).ToList();
        Assert.Equal(totals.OrderDescending(), totals);

        // Restricted to two communities: only their pair.
        var (first, second) = links.Keys.First();
        var among = await demo.ExecuteAsync($"{{ communityLinks(communityIds: [\"{first}\", \"{second}\"]) {{ source target citations }} }}");
        var pair = Assert.Single(among.GetProperty("data").GetProperty("communityLinks").EnumerateArray());
        Assert.Equal(first, pair.GetProperty("source").GetString());
        Assert.Equal(second, pair.GetProperty("target").GetString());
    }

    private async Task<List<JsonElement>> WorksAsync(string field, string[] selection)
    {
        var response = await demo.ExecuteAsync(
            $"query($ids: [ID!]!) {{ {field}(paperIds: $ids, first: 50) {{ links inSelection selection paper {{ id citationCount }} }} }}",
            new Inputs(new Dictionary<string, object?> { ["ids"] = selection.Cast<object?>().ToList() }));
        Assert.True(response.TryGetProperty("data", out var data), response.ToString());
        return data.GetProperty(field).EnumerateArray().ToList();
    }

    /// <summary>Linked papers by how many of the selection link to them, then by citation count, then by id.</summary>
    private async Task<List<(string Id, int Links)>> ExpectedAsync(string[] selection, CitationDirection direction)
    {
        var counts = new Dictionary<string, (int Links, int Cited)>();
        foreach (var id in selection)
        {
            foreach (var other in (await demo.Store.GetCitationsAsync(new CitationQuery(id, direction, 1000), Ct)).Items.Select(c => c.Paper.Id).Distinct())
            {
                var cited = (await demo.Store.GetCitationsAsync(new CitationQuery(other, CitationDirection.CitedBy, 1000), Ct)).Items.Count;
                counts[other] = (counts.GetValueOrDefault(other).Links + 1, cited);
            }
        }

        return counts.OrderByDescending(c => c.Value.Links).ThenByDescending(c => c.Value.Cited).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value.Links)).ToList();
    }
}
