using System.Text.Json;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// The snapshot read in pages (keyset on <c>seq</c>): on a fake Query API endpoint that serves a small graph page by page
/// as the page statements ask (<c>$after</c>, <c>$limit</c>), a read in pages of two papers equals a read in one page,
/// and each page is asked for with the cursor the previous page ended on.
/// </summary>
public sealed class Neo4jSnapshotPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Papers by seq (gaps where papers were deleted; 9 a stub), citations explicit or inferred, repo links, co-topic edges.
    private static readonly (long Seq, string Id, int? Year, bool Stub, int? Community, double? PageRank)[] Papers =
    [
        (1, "P1", 2020, false, 0, 0.2), (2, "P2", 2021, false, 1, null), (4, "P4", null, false, null, null),
        (5, "P5", 2022, false, 0, 0.1), (7, "P7", 2023, false, 1, 0.3), (9, "S9", null, true, null, null),
    ];

    private static readonly (long Src, long Dst, bool Inferred, double Confidence, string? Evidence)[] Cites =
    [
        (2, 1, false, 1, null), (4, 1, false, 1, null), (4, 2, true, 0.7, "BERT"), (5, 9, false, 1, null),
        (7, 1, false, 1, null), (7, 4, true, 0.5, "arXiv:2101.00001"), (7, 5, false, 1, null), (7, 9, false, 1, null),
    ];

    private static readonly (long Paper, string Url)[] Repos =
        [(1, "https://github.com/a/one"), (5, "https://github.com/b/two"), (5, "https://github.com/a/one"), (7, "https://github.com/c/three")];

    private static readonly (long Src, long Dst, double Weight)[] CoTopic = [(1, 2, 0.5), (2, 1, 0.5), (5, 7, 0.25), (7, 5, 0.25)];

    private readonly List<(string Statement, long After, long Limit)> _pages = [];

    [Fact]
    public async Task A_read_in_pages_of_two_papers_equals_a_read_in_one_page()
    {
        var paged = await ReadAsync(pageSize: 2);
        var whole = await ReadAsync(pageSize: 1000);

        Assert.Equal(["P1", "P2", "P4", "P5", "P7", "S9"], paged.PaperIds);
        Assert.Equal(whole.PaperIds, paged.PaperIds);
        Assert.Equal(whole.Years, paged.Years);
        Assert.Equal(whole.IsStub, paged.IsStub);
        Assert.Equal(whole.Communities, paged.Communities);
        Assert.Equal(whole.PageRanks, paged.PageRanks);
        Assert.Equal(whole.CitationSources, paged.CitationSources);
        Assert.Equal(whole.CitationTargets, paged.CitationTargets);
        Assert.Equal(whole.Inferred, paged.Inferred);
        Assert.Equal(whole.RepoUrls, paged.RepoUrls);
        Assert.Equal(whole.RepoLinkPapers, paged.RepoLinkPapers);
        Assert.Equal(whole.RepoLinkRepos, paged.RepoLinkRepos);
        Assert.Equal(whole.CoTopicSources, paged.CoTopicSources);
        Assert.Equal(whole.CoTopicTargets, paged.CoTopicTargets);
        Assert.Equal(whole.CoTopicWeights, paged.CoTopicWeights);

        // Positions, not seqs: P4 (position 2) cites P1 (0) and, inferred, P2 (1).
        Assert.Equal(Cites.Length, paged.CitationSources.Length);
        Assert.Contains(new InferredCitation(2, 1, 0.7, "BERT"), paged.Inferred);
        Assert.Equal([0, 3, 3, 4], paged.RepoLinkPapers);
        Assert.Equal(["https://github.com/a/one", "https://github.com/b/two", "https://github.com/c/three"], paged.RepoUrls);
    }

    [Fact]
    public async Task Each_page_is_asked_for_after_the_last_seq_of_the_previous_one_with_the_page_size()
    {
        await ReadAsync(pageSize: 2);

        foreach (var statement in new[] { "snapshot-papers-page", "snapshot-citations-page", "snapshot-repo-links-page", "snapshot-co-topic-page" })
        {
            // Six papers in pages of two: three full pages, then an empty one says there is no more.
            var asked = _pages.Where(p => p.Statement == statement).ToList();
            Assert.Equal([(-1L, 2L), (2L, 2L), (5L, 2L), (9L, 2L)], asked.Select(p => (p.After, p.Limit)));
        }

        Assert.Equal(16, _pages.Count);
    }

    [Fact]
    public async Task A_last_page_shorter_than_the_page_size_ends_the_read_without_another_request()
    {
        await ReadAsync(pageSize: 4);

        Assert.Equal([(-1L, 4L), (5L, 4L)], _pages.Where(p => p.Statement == "snapshot-papers-page").Select(p => (p.After, p.Limit)));
        Assert.Equal([(-1L, 4L), (5L, 4L)], _pages.Where(p => p.Statement == "snapshot-citations-page").Select(p => (p.After, p.Limit)));
    }

    [Fact]
    public void A_page_size_outside_its_range_is_refused_with_a_message()
    {
        var options = new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "p", SnapshotPageSize = 0 };
        Assert.Contains("snapshot page size", options.Validation(), StringComparison.Ordinal);
    }

    private async Task<SnapshotSource> ReadAsync(int pageSize)
    {
        _pages.Clear();
        using var server = new FakeNeo4j { Respond = Answer };
        await using var store = new Neo4jGraphStore(
            new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password", SnapshotPageSize = pageSize }, server);
        return await store.ReadSnapshotSourceAsync(Ct);
    }

    private FakeNeo4j.Answer Answer(FakeNeo4j.Request r)
    {
        if (r.Method == HttpMethod.Delete || r.Path.EndsWith("/commit", StringComparison.Ordinal))
        {
            return FakeNeo4j.Answer.Accepted("""{"data": {"fields": [], "values": []}, "bookmarks": []}""");
        }

        using var body = JsonDocument.Parse(r.Body!);
        var statement = body.RootElement.GetProperty("statement").GetString();
        var parameters = body.RootElement.GetProperty("parameters");
        var (after, limit) = (parameters.GetProperty("after").GetInt64(), parameters.GetProperty("limit").GetInt64());
        var name = new[] { "snapshot-papers-page", "snapshot-citations-page", "snapshot-repo-links-page", "snapshot-co-topic-page" }
            .Single(n => CypherStatements.Get(n) == statement);
        _pages.Add((name, after, limit));

        // What the statement does on the server: a page of papers by seq, then (for relationships) each anchor's rows, or
        // one null row for an anchor without any.
        var page = Papers.Where(p => p.Seq > after).OrderBy(p => p.Seq).Take((int)limit).ToList();
        IEnumerable<object?[]> Anchored<T>(IEnumerable<T> rows, Func<T, long> anchor, Func<T, object?[]> cells, int width) =>
            page.SelectMany(p =>
            {
                var of = rows.Where(x => anchor(x) == p.Seq).Select(x => (object?[])[page.Count, p.Seq, .. cells(x)]).ToList();
                return of.Count > 0 ? of : [[page.Count, p.Seq, .. new object?[width]]];
            });
        (string[] Fields, IEnumerable<object?[]> Values) data = name switch
        {
            "snapshot-papers-page" => (["seq", "id", "year", "isStub", "community", "pageRank"],
                page.Select(p => new object?[] { p.Seq, p.Id, p.Year, p.Stub, p.Community, p.PageRank })),
            "snapshot-citations-page" => (["pageSize", "cursor", "target", "inferred", "confidence", "evidence"],
                Anchored(Cites.OrderBy(c => c.Dst), c => c.Src, c => [c.Dst, c.Inferred, c.Confidence, c.Evidence], 4)),
            "snapshot-repo-links-page" => (["pageSize", "cursor", "url"],
                Anchored(Repos.OrderBy(l => l.Url, StringComparer.Ordinal), l => l.Paper, l => [l.Url], 1)),
            _ => (["pageSize", "cursor", "target", "weight"], Anchored(CoTopic.OrderBy(c => c.Dst), c => c.Src, c => [c.Dst, c.Weight], 2)),
        };
        var json = JsonSerializer.Serialize(new { fields = data.Fields, values = data.Values });
        var transaction = r.Path.EndsWith("/tx", StringComparison.Ordinal) ? """, "transaction": {"id": "t1", "expires": "2030-01-01T00:00:00Z"}""" : "";
        return FakeNeo4j.Answer.Accepted($$"""{"data": {{json}}, "bookmarks": []{{transaction}}}""");
    }
}
