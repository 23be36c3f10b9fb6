using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;

namespace CiteGraph.Graph.StoreContract;

/// <summary>
/// What every <see cref="IGraphStore"/> must do, whatever it stores in: idempotent upserts, provenance, external ids,
/// stubs for cited papers, search, paging, repositories, citations, analytics write-back, ranking and concurrent readers.
/// One subclass per store gives a fresh, empty, initialized store per test.
/// </summary>
public abstract partial class GraphStoreContractTests : IAsyncLifetime
{
    private IGraphStore? _store;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IGraphStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    /// <summary>A new, empty store (not yet initialized). May skip the test (Assert.Skip) when the store is not available.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    /// <summary>Removes what the test left behind.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    private static ExternalId W(int n) => new(ExternalIdKind.OpenAlex, $"W{n}");

    private static PaperRecord Work(string title, ExternalId id, params ExternalId[] references) => new()
    {
        Title = title,
        ExternalIds = [id],
        References = references,
        Authors = ["Ada Quill", "Bo Lindqvist"],
        Source = new SourceRef("works.jsonl", 1, "openalex"),
    };

    /// <summary>Everything the port can read about the given papers, as text, to compare whole-store states.</summary>
    private async Task<string> SnapshotAsync(IReadOnlyCollection<string> ids)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine((await Store.GetStatsAsync(Ct)).ToString());
        var papers = await Store.GetPapersAsync(ids, Ct);
        var sources = await Store.GetSourcesAsync(ids, Ct);
        var externalIds = await Store.GetExternalIdsAsync(ids, Ct);
        var repos = await Store.GetReposOfPapersAsync(ids, Ct);
        var links = await Store.GetLinksOfPapersAsync(ids, Ct);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            sb.AppendLine(papers.GetValueOrDefault(id)?.ToString());
            sb.AppendLine(string.Join(", ", sources.GetValueOrDefault(id) ?? []));
            sb.AppendLine(string.Join(", ", externalIds.GetValueOrDefault(id) ?? []));
            sb.AppendLine(string.Join(", ", repos.GetValueOrDefault(id) ?? []));
            sb.AppendLine(string.Join(", ", links.GetValueOrDefault(id) ?? []));
        }

        await foreach (var identity in Store.ReadIdentitiesAsync(Ct))
        {
            sb.Append(identity).Append(' ').AppendLine(string.Join(", ", identity.ExternalIds));
        }

        return sb.ToString();
    }

    [Fact]
    public async Task Upserting_the_same_batch_twice_changes_nothing()
    {
        var batch = new[]
        {
            Some.Resolved(Some.Record("Paper One", repo: "https://github.com/a/one.git.")),
            Some.Resolved(Some.Record("Paper Two", line: 5, arxiv: "2101.00001") with
            {
                Links = [new WebLink("https://huggingface.co/org/model", LinkKind.ModelHub)],
                Mentions = [new ExternalId(ExternalIdKind.Arxiv, "2001.08361")],
            }),
            new ResolvedRecord("P0000000000000003", Work("Citing", W(1), W(2), W(3))),
        };
        var ids = batch.Select(r => r.PaperId).ToList();
        await Store.UpsertAsync(batch, Ct);
        var before = await SnapshotAsync(ids);
        await Store.UpsertAsync(batch, Ct);
        Assert.Equal(before, await SnapshotAsync(ids));
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal((3, 1, 3, 2, 1), (stats.Papers, stats.Repos, stats.Sources, stats.Citations, stats.Links));
        Assert.Equal(2, stats.Authors);
    }

    [Fact]
    public async Task Merging_keeps_the_most_complete_values_whatever_the_order_and_every_source()
    {
        var id = Some.Resolved(Some.Record("Light Bridge")).PaperId;
        var sparse = Some.Record("Light bridge", file: "b.txt", line: 3, @abstract: "Short abstract here.", published: "Nov 21", upvotes: 2);
        var rich = Some.Record("Light Bridge", file: "c.txt", line: 9, @abstract: "A much longer abstract that says more.", published: "Nov 21, 2023", upvotes: 7);
        var other = Some.Resolved(Some.Record("Dark Bridge", file: "d.txt"));

        await Store.UpsertAsync([new(id, rich)], Ct);
        await Store.UpsertAsync([new(id, sparse), other], Ct);
        var stored = await Store.FindPaperAsync(id, Ct);

        Assert.Equal(PaperMerge.Merge(id, [sparse, rich]), stored);
        Assert.Equal("2023-11-21", stored!.Published);
        Assert.Equal(2023, stored.Year);
        Assert.Equal(7, stored.Upvotes);
        var sources = await Store.GetSourcesAsync([id, other.PaperId], Ct);
        Assert.Equal(["b.txt:3", "c.txt:9"], sources[id].Select(s => s.ToString()));
        Assert.Equal(["d.txt:1"], sources[other.PaperId].Select(s => s.ToString()));
        Assert.Equal("test", sources[id][0].Format);
    }

    [Fact]
    public async Task An_explicit_citation_gives_the_source_record_that_listed_it_as_evidence()
    {
        var citing = new ResolvedRecord("P0000000000000009", Work("Open Work", W(9), W(10)));
        var again = citing with { Record = Work("Open Work", W(9), W(11)) with { Source = new SourceRef("dir/more works.jsonl", 7, "openalex") } };

        await Store.UpsertAsync([citing], Ct);  // the paper's first record
        await Store.UpsertAsync([again], Ct);   // merged into it
        var page = await Store.GetCitationsAsync(new CitationQuery(citing.PaperId, CitationDirection.Cites, 10), Ct);

        Assert.Equal(
            [(PaperId.ForExternal(W(11)), "dir/more works.jsonl:7"), (PaperId.ForExternal(W(10)), "works.jsonl:1")],
            page.Items.Select(c => (c.Paper.Id, c.Evidence)).OrderBy(c => c.Item2, StringComparer.Ordinal));
        Assert.All(page.Items, c => Assert.Equal((CitationKind.Explicit, 1.0), (c.Kind, c.Confidence)));
    }

    [Fact]
    public async Task Source_records_give_back_each_sources_values_and_explain_the_stored_paper()
    {
        var id = Some.Resolved(Some.Record("Light Bridge")).PaperId;
        var listing = Some.Record("Light bridge", file: "b.txt", line: 3, @abstract: "A much longer abstract that says more.", published: "Nov 21", upvotes: 2)
            with
        { AuthorsCount = 3, Organization = "Quill Lab", Doi = "10.5555/light" };
        var json = Some.Record("Light Bridge!", file: "c.txt", line: 9, @abstract: "Short abstract here.", published: "Nov 21, 2023", upvotes: 7);
        var citing = new ResolvedRecord("P0000000000000009", Work("Open Work", W(9), W(10)));
        var stubId = PaperId.ForExternal(W(10));

        await Store.UpsertAsync([new(id, json), citing], Ct);
        await Store.UpsertAsync([new(id, listing)], Ct);
        var records = await Store.GetSourceRecordsAsync([id, citing.PaperId, stubId, "P0000000000000404"], Ct);

        static object Fields(PaperRecord r) =>
            (r.Source, r.Title, r.Abstract, r.Published, r.AuthorsCount, r.Organization, r.Upvotes, r.ArxivId, r.Doi);
        Assert.Equal([Fields(listing), Fields(json)], records[id].Select(Fields));
        Assert.Equal(["works.jsonl:1"], records[citing.PaperId].Select(r => r.Source.ToString()));
        Assert.False(records.ContainsKey(stubId));
        Assert.False(records.ContainsKey("P0000000000000404"));

        var explanation = PaperMerge.Explain(id, records[id]);
        Assert.Equal(await Store.FindPaperAsync(id, Ct), explanation.Paper);
        Assert.Equal(
            [
                ("title", "c.txt:9"), ("abstract", "b.txt:3"), ("published", "c.txt:9"), ("year", "c.txt:9"), ("authorsCount", "b.txt:3"),
                ("organization", "b.txt:3"), ("upvotes", "c.txt:9"), ("doi", "b.txt:3"),
            ],
            explanation.Fields.Select(f => (f.Field, f.Source.ToString())));
    }

    [Fact]
    public async Task Finds_papers_by_id_or_external_id_in_any_spelling()
    {
        var resolved = Some.Resolved(Some.Record("Scaling Laws", arxiv: "2001.08361"));
        await Store.UpsertAsync([resolved, new ResolvedRecord("P0000000000000009", Work("Open Work", W(9)))], Ct);
        Assert.Equal(resolved.PaperId, (await Store.FindPaperAsync(resolved.PaperId, Ct))?.Id);
        Assert.Equal(resolved.PaperId, (await Store.FindPaperAsync("arXiv:2001.08361v2", Ct))?.Id);
        Assert.Equal("P0000000000000009", (await Store.FindPaperAsync("W9", Ct))?.Id);
        Assert.Null(await Store.FindPaperAsync("P0000000000000000", Ct));
        Assert.Null(await Store.FindPaperAsync("'; DROP TABLE paper; --", Ct));
        Assert.Null(await Store.FindPaperAsync("\"}) MATCH (n) DETACH DELETE n //", Ct));
        var found = await Store.GetPapersAsync([resolved.PaperId, "P0000000000000000"], Ct);
        Assert.Equal([resolved.PaperId], found.Keys);
        Assert.Equal([new ExternalId(ExternalIdKind.Arxiv, "2001.08361")], (await Store.GetExternalIdsAsync([resolved.PaperId], Ct))[resolved.PaperId]);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:lattice OR NOT abstract")]
    [InlineData("lattice*) AND (")]
    [InlineData("NEAR(lattice attention, 2)")]
    [InlineData("lattice~ AND attention^9 \\ / [a TO z]")]
    public async Task Search_treats_query_syntax_in_user_text_as_words(string hostile)
    {
        await Store.UpsertAsync([Some.Resolved(Some.Record("Sparse Lattice Attention", @abstract: "Attention on a lattice."))], Ct);
        var hits = await Store.SearchAsync(hostile, 10, Ct);
        Assert.All(hits, h => Assert.Equal("Sparse Lattice Attention", h.Paper.Title));
    }

    [Fact]
    public async Task Search_ranks_title_matches_first_marks_the_snippet_and_skips_stubs()
    {
        await Store.UpsertAsync(
        [
            Some.Resolved(Some.Record("Graph Weaver", @abstract: "We weave retrieval over citation graphs.")),
            Some.Resolved(Some.Record("Tidepool", line: 2, @abstract: "A benchmark; unrelated to weaver models but mentions Weaver once.")),
            new ResolvedRecord("P0000000000000003", Work("Weaver Citing", W(1), new ExternalId(ExternalIdKind.OpenAlex, "Weaver"))),
        ], Ct);
        var hits = await Store.SearchAsync("weaver", 10, Ct);
        // The stub "OpenAlex Weaver" (cited, never loaded) is not a search result.
        Assert.Equal(["Graph Weaver", "Tidepool", "Weaver Citing"], hits.Select(h => h.Paper.Title).Order(StringComparer.Ordinal));
        Assert.Equal("Tidepool", hits[^1].Paper.Title);
        Assert.Contains("[", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Empty(await Store.SearchAsync("!!!", 10, Ct));
        Assert.Single(await Store.SearchAsync("weaver", 1, Ct));
    }

    [Fact]
    public async Task Search_finds_papers_ranked_below_more_stubs_than_a_page_holds()
    {
        // Fifty stubs titled after the word (short titles, so they outrank an abstract-only match) crowd any bounded
        // candidate list; the paper below them must still be found.
        var cited = Enumerable.Range(1, 50).Select(n => new ExternalId(ExternalIdKind.OpenAlex, $"Weaver-{n}")).ToArray();
        await Store.UpsertAsync(
        [
            new ResolvedRecord("P0000000000000001", Work("Weaver Citing", W(1), cited)),
            Some.Resolved(Some.Record("Tidepool", line: 2, @abstract: "A long benchmark abstract that mentions weaver once among many other words.")),
        ], Ct);
        var hits = await Store.SearchAsync("weaver", 2, Ct);
        Assert.Equal(["Weaver Citing", "Tidepool"], hits.Select(h => h.Paper.Title));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Paper.Title), hits.Select(h => h.Paper.Title));
    }

    [Fact]
    public async Task Pages_through_filtered_papers_without_gaps_or_repeats()
    {
        var records = Enumerable.Range(1, 25).Select(i => Some.Resolved(Some.Record(
            $"Paper {i}", line: i, published: $"Jan 1, {2000 + (i % 5)}", repo: i % 2 == 0 ? $"https://github.com/o/r{i}" : null))).ToList();
        await Store.UpsertAsync(records, Ct);

        var seen = new List<string>();
        long? after = null;
        PaperPage page;
        var expected = records.Where(r => r.Record.Year is >= 2001 and <= 2003 && r.Record.Repos.Count > 0).Select(r => r.Record.Title).ToList();
        do
        {
            page = await Store.QueryPapersAsync(new PaperQuery(new PaperFilter(YearFrom: 2001, YearTo: 2003, HasRepo: true), 4, after), Ct);
            seen.AddRange(page.Items.Select(i => i.Paper.Title));
            after = page.Items.Count > 0 ? page.Items[^1].Position : after;
            Assert.Equal(expected.Count, page.TotalCount);
        }
        while (page.HasNextPage);

        Assert.Equal(expected, seen);
        var withoutRepo = await Store.QueryPapersAsync(new PaperQuery(new PaperFilter(HasRepo: false), 100), Ct);
        Assert.Equal(13, withoutRepo.TotalCount);
        var text = await Store.QueryPapersAsync(new PaperQuery(new PaperFilter(Text: "paper 7"), 100), Ct);
        Assert.Contains(text.Items, i => i.Paper.Title == "Paper 7");
        Assert.Equal(0, (await Store.QueryPapersAsync(new PaperQuery(new PaperFilter(Text: "?!"), 10), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_reference_to_an_unknown_paper_becomes_a_stub_with_an_explicit_citation()
    {
        await Store.UpsertAsync([new ResolvedRecord("P0000000000000001", Work("Citing", W(1), W(2)))], Ct);

        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal((1, 1, 0), (stats.Papers, stats.Citations, stats.InferredCitations));
        var stub = await Store.FindPaperAsync("W2", Ct);
        Assert.Equal(PaperId.ForExternal(W(2)), stub!.Id);
        var identities = new List<PaperIdentity>();
        await foreach (var identity in Store.ReadIdentitiesAsync(Ct))
        {
            identities.Add(identity);
        }

        Assert.Equal([W(1)], Assert.Single(identities, i => !i.IsStub).ExternalIds);
        var stubIdentity = Assert.Single(identities, i => i.IsStub);
        Assert.Equal([W(2)], stubIdentity.ExternalIds);
        Assert.Equal("", stubIdentity.TitleKey);
        var graph = await Store.ReadCitationGraphAsync(CitationKind.Explicit, cancellationToken: Ct);
        Assert.Equal(2, graph.NodeCount);
        Assert.Equal(("P0000000000000001", stub.Id), (graph.NodeIds[graph.Sources[0]], graph.NodeIds[graph.Targets[0]]));
    }

    [Fact]
    public async Task A_record_owning_a_stub_id_absorbs_the_stub_and_its_citations()
    {
        await Store.UpsertAsync([new ResolvedRecord("P0000000000000001", Work("Citing", W(1), W(2)))], Ct);
        await Store.UpsertAsync([new ResolvedRecord("P0000000000000002", Work("Cited", W(2)))], Ct);

        Assert.Equal(2, (await Store.GetStatsAsync(Ct)).Papers);
        Assert.Equal("P0000000000000002", (await Store.FindPaperAsync("W2", Ct))!.Id);
        var identities = new List<PaperIdentity>();
        await foreach (var identity in Store.ReadIdentitiesAsync(Ct))
        {
            identities.Add(identity);
        }

        Assert.DoesNotContain(identities, i => i.IsStub);
        var graph = await Store.ReadCitationGraphAsync(cancellationToken: Ct);
        Assert.Equal(2, graph.NodeCount);
        Assert.Equal(("P0000000000000001", "P0000000000000002"), (graph.NodeIds[graph.Sources.Single()], graph.NodeIds[graph.Targets.Single()]));
    }

    [Fact]
    public async Task Repositories_and_links_are_read_back_per_paper_and_per_repository()
    {
        var first = Some.Resolved(Some.Record("Repo User One", repo: "https://github.com/Org/Tool.git."));
        var second = Some.Resolved(Some.Record("Repo User Two", line: 2, repo: "github.com/org/tool/tree/main/src") with
        {
            Links = [new WebLink("https://example.org/project", LinkKind.ProjectPage)],
        });
        await Store.UpsertAsync([first, second], Ct);

        var repo = await Store.FindRepoAsync("https://github.com/org/tool", Ct);
        Assert.Equal(new Repo("https://github.com/org/tool", "github.com", "org", "tool"), repo);
        Assert.Null(await Store.FindRepoAsync("https://github.com/org/none", Ct));
        Assert.Equal([first.PaperId, second.PaperId], (await Store.GetPapersOfRepoAsync(repo!.Url, Ct)).Select(p => p.Id));
        var repos = await Store.GetReposOfPapersAsync([first.PaperId, second.PaperId], Ct);
        Assert.Equal("https://github.com/Org/Tool.git.", Assert.Single(repos[first.PaperId]).Evidence);
        var links = await Store.GetLinksOfPapersAsync([first.PaperId, second.PaperId], Ct);
        Assert.False(links.ContainsKey(first.PaperId));
        Assert.Equal(new WebLink("https://example.org/project", LinkKind.ProjectPage), Assert.Single(links[second.PaperId]));
    }

    [Fact]
    public async Task Explicit_citations_are_never_replaced_by_inferred_ones_and_unknown_papers_are_skipped()
    {
        var papers = Enumerable.Range(0, 4).Select(i => Some.Resolved(Some.Record($"Neighbor {i}", line: i))).ToList();
        await Store.UpsertAsync(papers, Ct);
        var ids = papers.Select(p => p.PaperId).ToList();
        Assert.Equal(3, await Store.UpsertCitationsAsync(
        [
            new Citation(ids[0], ids[1], CitationKind.Explicit),
            new Citation(ids[0], ids[2], CitationKind.Inferred, 0.4, "arXiv:2101.00001"),
            new Citation(ids[3], ids[0], CitationKind.Inferred, 0.9, "Neighbor 0"),
        ], Ct));

        Assert.Equal(0, await Store.UpsertCitationsAsync(
        [
            new Citation(ids[0], ids[1], CitationKind.Inferred, 0.5, "mentions"),
            new Citation(ids[1], "P0000000000000000", CitationKind.Explicit),
            new Citation(ids[1], ids[1], CitationKind.Explicit),
        ], Ct));

        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal((3, 2), (stats.Citations, stats.InferredCitations));
        var all = await Store.ReadCitationGraphAsync(cancellationToken: Ct);
        var edges = all.Sources.Select((s, e) => (all.NodeIds[s], all.NodeIds[all.Targets[e]])).ToHashSet();
        Assert.Equal(new HashSet<(string, string)> { (ids[0], ids[1]), (ids[0], ids[2]), (ids[3], ids[0]) }, edges);
        Assert.Equal(1, (await Store.ReadCitationGraphAsync(CitationKind.Inferred, 0.5, Ct)).EdgeCount);
        Assert.Equal(1, (await Store.ReadCitationGraphAsync(CitationKind.Explicit, cancellationToken: Ct)).EdgeCount);
        Assert.Equal(4, all.NodeCount);
        Assert.Equal(ids, all.NodeIds);
    }

    [Fact]
    public async Task Analytics_are_written_back_replacing_only_what_was_recomputed()
    {
        var papers = Enumerable.Range(0, 3).Select(i => Some.Resolved(Some.Record($"Scored {i}", line: i))).ToList();
        await Store.UpsertAsync(papers, Ct);
        var ids = papers.Select(p => p.PaperId).ToArray();
        var ranAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await Store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = ids,
            PageRank = [0.5, 0.25, 0.125],
            Betweenness = [0, 1.5, 0],
            Community = [1, 1, 2],
            CoreNumber = [1, 2, 1],
            Communities = [new Community(1, 0, 2, "scored one"), new Community(2, 0, 1, "scored two")],
            Modularity = 0.25,
            Graph = "citations",
            Algorithms = ["pagerank", "betweenness", "leiden", "kcore"],
            RanAt = ranAt,
        }, Ct);
        await Store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = ids[..2],
            CoreNumber = [3, 4],
            Graph = "citations",
            Algorithms = ["kcore"],
            RanAt = ranAt.AddHours(1),
        }, Ct);

        var stored = await Store.GetPapersAsync(ids, Ct);
        Assert.Equal([0.5, 0.25, 0.125], ids.Select(id => stored[id].PageRank!.Value));
        Assert.Equal([1.5], ids.Skip(1).Take(1).Select(id => stored[id].Betweenness!.Value));
        Assert.Equal([3, 4, (int?)null], ids.Select(id => stored[id].CoreNumber));
        Assert.Equal([1, 1, 2], ids.Select(id => stored[id].Community!.Value));

        var (communities, total) = await Store.GetCommunitiesAsync(1, 0, cancellationToken: Ct);
        Assert.Equal(2, total);
        Assert.Equal(new Community(1, 0, 2, "scored one"), Assert.Single(communities));
        Assert.Equal(new Community(2, 0, 1, "scored two"), Assert.Single((await Store.GetCommunitiesAsync(5, 1, cancellationToken: Ct)).Items));
        Assert.Equal(new Community(2, 0, 1, "scored two"), await Store.GetCommunityAsync(2, Ct));
        Assert.Null(await Store.GetCommunityAsync(99, Ct));
        // Batched (one read for a page of papers): what the single reads give, unknown ids absent.
        var byId = await Store.GetCommunitiesByIdAsync([1, 2, 99], Ct);
        Assert.Equal([1, 2], byId.Keys.Order());
        Assert.Equal(new Community(1, 0, 2, "scored one"), byId[1]);
        Assert.Equal(await Store.GetCommunityAsync(2, Ct), byId[2]);
        var summary = await Store.GetAnalyticsSummaryAsync(Ct);
        Assert.Equal((ranAt.AddHours(1), "citations", 2), (summary!.RanAt, summary.Graph, summary.Communities));
        Assert.Equal(["kcore"], summary.Algorithms);
        var wrongLength = await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAnalyticsAsync(
            new AnalyticsResults { NodeIds = ids, PageRank = [1], Graph = "citations", Algorithms = ["pagerank"], RanAt = ranAt }, Ct));
        Assert.StartsWith("PageRank has 1 values for 3 nodes", wrongLength.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analytics_given_out_of_store_order_land_on_their_papers_and_unknown_ids_are_skipped()
    {
        var papers = Enumerable.Range(0, 4).Select(i => Some.Resolved(Some.Record($"Shuffled {i}", line: i))).ToList();
        await Store.UpsertAsync(papers, Ct);
        var ids = papers.Select(p => p.PaperId).ToArray();
        // Nodes in reverse, one id no paper has, and paper 1 left out: the write-back cannot pair them with rows in order.
        string[] nodes = [ids[3], "P-not-stored", ids[2], ids[0]];
        await Store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = nodes,
            PageRank = [0.4, 0.9, 0.3, 0.1],
            Community = [7, 8, 7, 9],
            CommunityLevels = [[7, 8, 7, 9], [70, 80, 71, 90]],
            Communities = [new Community(7, 0, 2, "seven"), new Community(9, 0, 1, "nine")],
            Graph = "citations",
            Algorithms = ["pagerank", "leiden"],
            RanAt = DateTimeOffset.UnixEpoch,
        }, Ct);

        var stored = await Store.GetPapersAsync(ids, Ct);
        Assert.Equal([0.1, null, 0.3, 0.4], ids.Select(id => stored[id].PageRank));
        Assert.Equal([9, null, 7, 7], ids.Select(id => stored[id].Community));
        var fine = await Store.GetPaperCommunitiesAsync(ids, 1, Ct);
        Assert.Equal(new[] { ids[0], ids[2], ids[3] }.Order(StringComparer.Ordinal), fine.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([90, 71, 70], new[] { ids[0], ids[2], ids[3] }.Select(id => fine[id]));
    }

    [Fact]
    public async Task Community_levels_are_stored_with_parents_and_central_papers_and_read_per_level()
    {
        var papers = Enumerable.Range(0, 4).Select(i => Some.Resolved(Some.Record($"Levelled {i}", line: i))).ToList();
        await Store.UpsertAsync(papers, Ct);
        var ids = papers.Select(p => p.PaperId).ToArray();
        // Level 0: one field of all four; level 1 splits it into communities 1 (three papers) and 2 (one).
        Community[] communities =
        [
            new(0, 0, 4, "field") { CentralPapers = [ids[1], ids[0]] },
            new(1, 1, 3, "subfield one") { Parent = 0, CentralPapers = [ids[0], ids[1], ids[2]] },
            new(2, 1, 1, "Levelled 3") { Parent = 0, CentralPapers = [ids[3]] },
        ];
        await Store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = ids,
            Community = [0, 0, 0, 0],
            CommunityLevels = [[0, 0, 0, 0], [1, 1, 1, 2]],
            Communities = communities,
            Modularity = 0.1,
            Graph = "hybrid: citations + cotopic",
            Algorithms = ["leiden"],
            RanAt = DateTimeOffset.UnixEpoch,
        }, Ct);

        var (top, topTotal) = await Store.GetCommunitiesAsync(10, 0, cancellationToken: Ct);
        Assert.Equal(1, topTotal);
        Assert.Equal(communities[0], Assert.Single(top));
        var (fine, fineTotal) = await Store.GetCommunitiesAsync(10, 0, level: 1, cancellationToken: Ct);
        Assert.Equal(2, fineTotal);
        Assert.Equal(communities[1..], fine);
        Assert.Equal(0, (await Store.GetCommunitiesAsync(10, 0, level: 2, cancellationToken: Ct)).TotalCount);
        Assert.Equal(communities[2], await Store.GetCommunityAsync(2, Ct));

        var atOne = await Store.GetPaperCommunitiesAsync([.. ids, "P-unknown"], 1, Ct);
        Assert.Equal([1, 1, 1, 2], ids.Select(id => atOne[id]));
        Assert.Equal(4, atOne.Count);
        var atZero = await Store.GetPaperCommunitiesAsync(ids, 0, Ct);
        Assert.Equal([0, 0, 0, 0], ids.Select(id => atZero[id]));
        Assert.Empty(await Store.GetPaperCommunitiesAsync(ids, 2, Ct));
        // Filtering by a community of any level lists its members.
        var members = await Store.QueryPapersAsync(new PaperQuery(new PaperFilter(Community: 1), 20), Ct);
        Assert.Equal(3, members.TotalCount);
        Assert.Equal(4, (await Store.QueryPapersAsync(new PaperQuery(new PaperFilter(Community: 0), 20), Ct)).TotalCount);
        Assert.Equal(1, (await Store.GetAnalyticsSummaryAsync(Ct))!.Communities);
    }

    [Fact]
    public async Task No_analytics_summary_before_a_run()
    {
        Assert.Null(await Store.GetAnalyticsSummaryAsync(Ct));
        Assert.Equal(0, (await Store.GetCommunitiesAsync(10, 0, cancellationToken: Ct)).TotalCount);
    }

    [Fact]
    public async Task The_analytics_runner_writes_back_what_its_kernels_compute_and_ranking_orders_by_it()
    {
        var records = Enumerable.Range(0, 12)
            .Select(i => Some.Resolved(Some.Record(i < 6 ? $"Diffusion sampling study {i}" : $"Retrieval augmented generation {i}", line: i)))
            .ToList();
        await Store.UpsertAsync(records, Ct);
        var ids = records.Select(r => r.PaperId).ToList();
        var citations = new List<Citation>();
        for (var i = 0; i < 12; i++)
        {
            for (var j = 0; j < 12; j++)
            {
                if (i != j && i / 6 == j / 6 && (i + j) % 3 != 0)
                {
                    citations.Add(new Citation(ids[i], ids[j], CitationKind.Explicit));
                }
            }
        }

        citations.Add(new Citation(ids[0], ids[6], CitationKind.Inferred, 0.6, "arXiv:2101.00001"));
        Assert.Equal(citations.Count, await Store.UpsertCitationsAsync(citations, Ct));
        var edges = await Store.ReadCitationGraphAsync(cancellationToken: Ct);
        var expected = PageRank.Compute(CsrGraph.FromEdges(edges.NodeCount, edges.Sources, edges.Targets)).Scores;

        var report = await new AnalyticsRunner(Store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);

        Assert.Equal(2, report.Communities);
        var papers = await Store.GetPapersAsync(edges.NodeIds, Ct);
        for (var i = 0; i < edges.NodeCount; i++)
        {
            Assert.Equal(expected[i], papers[edges.NodeIds[i]].PageRank!.Value, 12);
        }

        var ranking = await Store.RankAsync(RankingMetric.PageRank, 5, new PaperFilter(), Ct);
        Assert.Equal([1, 2, 3, 4, 5], ranking.Select(r => r.Rank));
        Assert.Equal(ranking.Select(r => r.Score).OrderDescending(), ranking.Select(r => r.Score));
        Assert.All(ranking, r => Assert.Equal(r.Paper.PageRank, r.Score));
        var cited = await Store.RankAsync(RankingMetric.Citations, 1, new PaperFilter(Text: "retrieval"), Ct);
        Assert.Equal(ids[6], cited[0].Paper.Id);
        var inCommunity = await Store.QueryPapersAsync(new PaperQuery(new PaperFilter(Community: papers[ids[0]].Community), 20), Ct);
        Assert.Equal(6, inCommunity.TotalCount);
        Assert.Equal(report.Modularity, (await Store.GetAnalyticsSummaryAsync(Ct))!.Modularity);
    }

    [Fact]
    public async Task Topic_hierarchy_trends_and_co_topic_evidence_read_what_was_written()
    {
        var records = new[] { "Latent Diffusion Sketches", "Video Diffusion Clips", "Diffusion Model Survey" }.Select(t => Some.Resolved(Some.Record(t, line: t.Length))).ToArray();
        await Store.UpsertAsync(records, Ct);
        var ids = records.Select(r => r.PaperId).ToArray();
        await Store.WriteTopicGraphAsync(
            new TopicGraph(
                [
                    new Topic("diffusion", [], 3) { Idf = 0.7, ByYear = [new(2023, 1), new(2024, 2)], Growth = 0.5 },
                    new Topic("latent diffusion", [], 1) { Idf = 1.4, ByYear = [new(2024, 1)] },
                    new Topic("diffusion models", ["diffusion model"], 2) { Idf = 1.1, ByYear = [new(2023, 1), new(2024, 1)], Growth = 1.25 },
                ],
                [new(ids[0], 1, 1), new(ids[0], 0, 0.5), new(ids[1], 0, 1), new(ids[2], 2, 1), new(ids[2], 0, 0.5)],
                [new(ids[0], ids[1], 0.6, 2, ["latent diffusion", "diffusion"]) { ReasonWeights = [0.4, 0.2] }],
                [])
            {
                Broader = [new(1, 0), new(2, 0)],
            },
            Ct);

        var narrower = await Store.GetTopicHierarchyAsync(["diffusion", "latent diffusion", "no such topic"], TopicRelation.Narrower, Ct);
        Assert.Equal(["diffusion"], narrower.Keys);
        Assert.Equal(["diffusion models", "latent diffusion"], narrower["diffusion"].Select(t => t.Name));
        var broader = await Store.GetTopicHierarchyAsync(["latent diffusion", "diffusion models", "diffusion"], TopicRelation.Broader, Ct);
        Assert.Equal(["diffusion"], broader["latent diffusion"].Select(t => t.Name));
        Assert.Equal(["diffusion"], broader["diffusion models"].Select(t => t.Name));
        Assert.False(broader.ContainsKey("diffusion"));

        var diffusion = await Store.FindTopicAsync("diffusion", Ct);
        Assert.Equal([new TopicYear(2023, 1), new TopicYear(2024, 2)], diffusion!.ByYear);
        Assert.Equal(0.5, diffusion.Growth);
        Assert.Null((await Store.FindTopicAsync("latent diffusion", Ct))!.Growth);
        var rising = await Store.GetTopicsAsync(10, 0, TopicOrder.Growth, Ct);
        Assert.Equal(["diffusion models", "diffusion", "latent diffusion"], rising.Items.Select(t => t.Name));

        // The edge is stored from ids[0]'s side; asked from either side it answers the same reasons with their weights.
        var evidence = await Store.GetCoTopicEvidenceAsync([new(ids[0], ids[1]), new(ids[1], ids[0]), new(ids[0], ids[2])], Ct);
        Assert.Equal(2, evidence.Count);
        foreach (var pair in new PaperPair[] { new(ids[0], ids[1]), new(ids[1], ids[0]) })
        {
            Assert.Equal([("latent diffusion", 0.4), ("diffusion", 0.2)], evidence[pair].Select(r => (r.Text, r.Weight)));
        }

        var coTopic = Assert.Single(await Store.GetCoTopicPapersAsync(ids[0], 5, Ct));
        Assert.Equal([0.4, 0.2], coTopic.Reasons.Select(r => r.Weight));
    }

    /// <summary>Three papers and a topic layer: an acronym (SLA) with two expansions, a spelling variant, CO_TOPIC, CO_OCCURS.</summary>
    private async Task<string[]> WriteTopicsAsync()
    {
        var records = new[] { "Sparse Lattice Attention", "Lattice Weather", "Tabular Shift" }.Select(t => Some.Resolved(Some.Record(t, line: t.Length))).ToArray();
        await Store.UpsertAsync(records, Ct);
        var ids = records.Select(r => r.PaperId).ToArray();
        static Topic T(string name, int df, params string[] aliases) => new(name, aliases, df) { Idf = Math.Log(1 + 3.0 / df) };
        await Store.WriteTopicGraphAsync(new TopicGraph(
            [T("sparse lattice attention", 3, "SLA", "sparse-lattice attentions"), T("service level agreement", 1, "SLA"), T("weather forecasting", 1)],
            [new(ids[0], 0, 1), new(ids[1], 0, 0.5), new(ids[2], 0, 0.4), new(ids[1], 2, 1), new(ids[2], 1, 1)],
            [new(ids[1], ids[0], 0.8, 1, ["sparse lattice attention"]), new(ids[2], ids[0], 0.5, 1, ["sparse lattice attention"])],
            [new(0, 2, 2, 0.4)]), Ct);
        return ids;
    }

    [Theory]
    [InlineData("sparse lattice attention")]
    [InlineData("SLA")]
    [InlineData("sla")]
    [InlineData(" Sparse-Lattice Attentions ")]
    public async Task FindTopicAsync_matches_name_alias_and_spelling_variant_preferring_the_commoner_topic(string name)
    {
        await WriteTopicsAsync();
        Assert.Equal("sparse lattice attention", (await Store.FindTopicAsync(name, Ct))?.Name);
    }

    [Fact]
    public async Task FindTopicAsync_by_id_and_unknown_names()
    {
        await WriteTopicsAsync();
        var topic = await Store.FindTopicAsync(Topic.IdFor("service level agreement"), Ct);
        Assert.Equal(["SLA"], topic?.Aliases);
        Assert.Equal(1, topic?.Df);
        Assert.Equal(Math.Log(4), topic!.Idf, 12);
        Assert.Null(await Store.FindTopicAsync("no such topic", Ct));
        Assert.Null(await Store.FindTopicAsync("\"}) MATCH (n) DETACH DELETE n //", Ct));
    }

    [Fact]
    public async Task Topics_pages_papers_and_related_read_what_was_written()
    {
        var ids = await WriteTopicsAsync();
        var first = await Store.GetTopicsAsync(2, 0, TopicOrder.Df, Ct);
        var second = await Store.GetTopicsAsync(2, 2, TopicOrder.Df, Ct);
        Assert.Equal((3, true, false), (first.TotalCount, first.HasNextPage(0), second.HasNextPage(2)));
        Assert.Equal(["sparse lattice attention", "service level agreement", "weather forecasting"], first.Items.Concat(second.Items).Select(t => t.Name));
        var byName = await Store.GetTopicsAsync(10, 0, TopicOrder.Name, Ct);
        Assert.Equal(["service level agreement", "sparse lattice attention", "weather forecasting"], byName.Items.Select(t => t.Name));

        var papers = await Store.GetPapersOfTopicAsync("sparse lattice attention", 2, 0, Ct);
        Assert.Equal(3, papers.TotalCount);
        Assert.Equal([ids[0], ids[1]], papers.Items.Select(p => p.Id));
        Assert.Equal([ids[2]], (await Store.GetPapersOfTopicAsync("sparse lattice attention", 2, 2, Ct)).Items.Select(p => p.Id));
        Assert.Equal(0, (await Store.GetPapersOfTopicAsync("SLA", 2, 0, Ct)).TotalCount);
        var related = Assert.Single(await Store.GetRelatedTopicsAsync("weather forecasting", 5, Ct));
        Assert.Equal(("sparse lattice attention", 2, 0.4), (related.Topic.Name, related.Count, related.Pmi));
        Assert.Equal("weather forecasting", Assert.Single(await Store.GetRelatedTopicsAsync("sparse lattice attention", 5, Ct)).Topic.Name);
        var topics = await Store.GetTopicsOfPapersAsync([ids[1], ids[2], "P0000000000000404"], Ct);
        Assert.Equal(["weather forecasting", "sparse lattice attention"], topics[ids[1]].Select(t => t.Topic.Name));
        Assert.Equal([1, 0.5], topics[ids[1]].Select(t => t.Weight));
        Assert.False(topics.ContainsKey("P0000000000000404"));
        var coTopic = Assert.Single(await Store.GetCoTopicPapersAsync(ids[1], 5, Ct));
        Assert.Equal((ids[0], 0.8, "sparse lattice attention"), (coTopic.Paper.Id, coTopic.Score, coTopic.Reasons[0].Text));
        Assert.Empty(await Store.GetCoTopicPapersAsync(ids[0], 5, Ct));
        // Batched (one read for a page of papers): each paper's list is its single read's; papers without neighbours absent.
        var batched = await Store.GetCoTopicPapersOfPapersAsync([ids[0], ids[1], ids[2], "P0000000000000404"], 5, Ct);
        Assert.Equal(new[] { ids[1], ids[2] }.Order(StringComparer.Ordinal), batched.Keys.Order(StringComparer.Ordinal));
        foreach (var id in new[] { ids[1], ids[2] })
        {
            var single = await Store.GetCoTopicPapersAsync(id, 5, Ct);
            Assert.Equal(single.Select(c => (c.Paper.Id, c.Score, c.Reasons.Count)), batched[id].Select(c => (c.Paper.Id, c.Score, c.Reasons.Count)));
        }

        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal((3, 2), (stats.Topics, stats.CoTopicEdges));
    }

    [Fact]
    public async Task The_co_topic_graph_spans_every_paper_with_weighted_edges_in_position_order()
    {
        var ids = await WriteTopicsAsync();
        var graph = await Store.ReadCoTopicGraphAsync(Ct);
        Assert.Equal(ids, graph.NodeIds);
        Assert.Equal([(ids[1], ids[0], 0.8f), (ids[2], ids[0], 0.5f)], graph.Sources.Select((s, e) => (graph.NodeIds[s], graph.NodeIds[graph.Targets[e]], graph.Weights![e])));
        var snapshot = await Store.ReadSnapshotSourceAsync(Ct);
        Assert.Equal([(1, 0), (2, 0)], snapshot.CoTopicSources.Zip(snapshot.CoTopicTargets));
    }

    [Fact]
    public async Task Writing_the_topic_graph_again_replaces_it()
    {
        var ids = await WriteTopicsAsync();
        await Store.WriteTopicGraphAsync(new TopicGraph([new Topic("weather forecasting", [], 1)], [new(ids[1], 0, 1), new(ids[1], 0, 0.5), new("P0000000000000404", 0, 1)], [], []), Ct);

        Assert.Null(await Store.FindTopicAsync("SLA", Ct));
        Assert.Equal(1, (await Store.GetTopicsAsync(10, 0, TopicOrder.Name, Ct)).TotalCount);
        Assert.Empty(await Store.GetCoTopicPapersAsync(ids[1], 5, Ct));
        Assert.Empty(await Store.GetRelatedTopicsAsync("weather forecasting", 5, Ct));
        Assert.Equal(1, Assert.Single((await Store.GetTopicsOfPapersAsync([ids[1]], Ct))[ids[1]]).Weight);
        Assert.Equal(0, (await Store.ReadCoTopicGraphAsync(Ct)).EdgeCount);
    }

    [Fact]
    public async Task ReplaceInferredCitationsAsync_replaces_inferred_ones_and_never_shadows_explicit_ones()
    {
        var ids = await WriteTopicsAsync();
        await Store.UpsertCitationsAsync([new Citation(ids[2], ids[0], CitationKind.Explicit)], Ct);
        await Store.ReplaceInferredCitationsAsync([new Citation(ids[1], ids[2], CitationKind.Inferred, 0.7, "method: X")], Ct);

        var written = await Store.ReplaceInferredCitationsAsync(
            [new Citation(ids[1], ids[0], CitationKind.Inferred, 0.9, "method: SLA"), new Citation(ids[2], ids[0], CitationKind.Inferred, 0.8, "method: SLA")], Ct);

        Assert.Equal(1, written);
        var citedBy = await Store.GetCitationsAsync(new CitationQuery(ids[0], CitationDirection.CitedBy, 10), Ct);
        Assert.Equal([(ids[2], CitationKind.Explicit, 1.0, (string?)null), (ids[1], CitationKind.Inferred, 0.9, "method: SLA")],
            citedBy.Items.Select(c => (c.Paper.Id, c.Kind, c.Confidence, c.Evidence)));
        Assert.Equal([ids[0]], (await Store.GetCitationsAsync(new CitationQuery(ids[1], CitationDirection.Cites, 10), Ct)).Items.Select(c => c.Paper.Id));
        Assert.Equal(0, (await Store.GetCitationsAsync(new CitationQuery(ids[1], CitationDirection.Cites, 10, MinConfidence: 0.95), Ct)).TotalCount);
        Assert.Equal(0, (await Store.GetCitationsAsync(new CitationQuery(ids[2], CitationDirection.CitedBy, 10), Ct)).TotalCount);
        Assert.Equal(0, (await Store.GetCitationsAsync(new CitationQuery("P0000000000000404", CitationDirection.Cites, 10), Ct)).TotalCount);
        var page = await Store.GetCitationsAsync(new CitationQuery(ids[0], CitationDirection.CitedBy, 1, After: 1, Kind: CitationKind.Inferred), Ct);
        Assert.Equal((1, 0), (page.TotalCount, page.Items.Count));
        Assert.Equal((2, 1), ((await Store.GetStatsAsync(Ct)).Citations, (await Store.GetStatsAsync(Ct)).InferredCitations));
        var explicitOne = await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceInferredCitationsAsync([new Citation(ids[0], ids[1], CitationKind.Explicit)], Ct));
        Assert.Contains($"{ids[0]} → {ids[1]} is explicit", explicitOne.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_texts_give_the_derive_pass_every_loaded_paper_with_authors_keywords_and_mentions()
    {
        var tagged = Some.Resolved(Some.Record("Keyword Paper", arxiv: "2101.00001") with
        {
            Authors = ["Cy Moreau", "Ada Quill"],
            Keywords = ["retrieval", "graphs"],
            Mentions = [new ExternalId(ExternalIdKind.Doi, "10.1/x"), new ExternalId(ExternalIdKind.Arxiv, "2001.08361")],
        });
        var again = tagged with { Record = tagged.Record with { Source = new SourceRef("b.txt", 2, "test"), Keywords = ["graphs", "agents"] } };
        var citing = new ResolvedRecord("P0000000000000009", Work("Open Work", W(9), W(10)));
        await Store.UpsertAsync([tagged, citing], Ct);
        await Store.UpsertAsync([again], Ct);

        var texts = new List<PaperText>();
        await foreach (var text in Store.ReadPaperTextsAsync(Ct))
        {
            texts.Add(text);
        }

        // The stub for W10 is not a paper text.
        Assert.Equal([tagged.PaperId, citing.PaperId], texts.Select(t => t.Id));
        var first = texts[0];
        Assert.Equal(("Keyword Paper", "2101.00001", "An abstract long enough to be one."), (first.Title, first.ArxivId, first.Abstract));
        Assert.Equal(["Cy Moreau", "Ada Quill"], first.Authors);
        Assert.Equal(["agents", "graphs", "retrieval"], first.Keywords);
        Assert.Equal([new ExternalId(ExternalIdKind.Arxiv, "2001.08361"), new ExternalId(ExternalIdKind.Doi, "10.1/x")], first.Mentions);
        Assert.Equal(["Ada Quill", "Bo Lindqvist"], texts[1].Authors);
        Assert.Empty(texts[1].Keywords);
    }

    [Fact]
    public async Task A_batch_that_fails_leaves_the_store_as_it_was()
    {
        var kept = Some.Resolved(Some.Record("Kept"));
        await Store.UpsertAsync([kept], Ct);
        var before = await SnapshotAsync([kept.PaperId]);
        var batch = Enumerable.Range(0, 50).Select(i => Some.Resolved(Some.Record($"Lost {i}", line: i))).ToList();
        batch[25] = batch[25] with { Record = batch[25].Record with { Title = null! } };
        await Assert.ThrowsAnyAsync<Exception>(() => Store.UpsertAsync(batch, Ct));
        Assert.Equal(before, await SnapshotAsync([kept.PaperId]));
    }

    [Fact]
    public async Task A_cancelled_batch_writes_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.UpsertAsync([Some.Resolved(Some.Record("Never"))], cts.Token));
        Assert.Equal(0, (await Store.GetStatsAsync(Ct)).Papers);
    }

    [Fact]
    public async Task Readers_see_whole_batches_while_a_writer_writes()
    {
        var batches = Enumerable.Range(0, 10)
            .Select(b => Enumerable.Range(0, 100).Select(i => Some.Resolved(Some.Record($"P {b}-{i}", file: $"f{b}", line: i))).ToList())
            .ToList();
        var writer = Task.Run(async () =>
        {
            foreach (var batch in batches)
            {
                await Store.UpsertAsync(batch, Ct);
            }
        }, Ct);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var observed = new List<int>();
            while (!writer.IsCompleted)
            {
                observed.Add((await Store.GetStatsAsync(Ct)).Papers);
                await Store.SearchAsync("P", 5, Ct);
            }

            return observed;
        }, Ct)).ToList();

        await writer;
        foreach (var observed in await Task.WhenAll(readers))
        {
            Assert.All(observed, n => Assert.Equal(0, n % 100));
        }

        Assert.Equal(1000, (await Store.GetStatsAsync(Ct)).Papers);
    }
}
