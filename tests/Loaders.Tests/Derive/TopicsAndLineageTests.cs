using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using TempDirectory = CiteGraph.Tests.TempDirectory;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Derive;

public sealed class TopicsAndLineageTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DbPath => _dir.File("graph.db");

    public ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = DbPath });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private async Task LoadSeedsAsync()
    {
        var files = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };
        await Loading.LoadAndDeriveAsync(_store, files.Select(InputFile.FromPath).ToList(), cancellationToken: Ct);
    }

    [Fact]
    public async Task Seeds_acronym_defined_in_an_abstract_becomes_a_topic_named_by_its_expansion_with_the_acronym_as_alias()
    {
        await LoadSeedsAsync();

        var radd = await _store.FindTopicAsync("RADD", Ct);

        Assert.NotNull(radd);
        Assert.Equal("reparameterized absorbing discrete diffusion", radd.Name);
        Assert.Contains("RADD", radd.Aliases);
        Assert.Equal(radd.Id, (await _store.FindTopicAsync("Reparameterized Absorbing Discrete Diffusion", Ct))?.Id);
        Assert.Equal(radd.Id, (await _store.FindTopicAsync("radd", Ct))?.Id);
        Assert.Equal(radd.Name, (await _store.FindTopicAsync(radd.Id, Ct))?.Name);
    }

    [Fact]
    public async Task Seeds_spelling_variants_plurals_and_hyphenation_merge_into_one_topic()
    {
        await LoadSeedsAsync();

        var generalisation = await _store.FindTopicAsync("generalisation error", Ct);
        var ssm = await _store.FindTopicAsync("state-space model", Ct);

        Assert.NotNull(generalisation);
        Assert.Equal(generalisation.Id, (await _store.FindTopicAsync("generalization errors", Ct))?.Id);
        Assert.Contains("generalisation error", generalisation.Aliases.Append(generalisation.Name));
        Assert.NotNull(ssm);
        Assert.Equal(ssm.Id, (await _store.FindTopicAsync("SSM", Ct))?.Id);
        Assert.Equal(ssm.Id, (await _store.FindTopicAsync("state space models", Ct))?.Id);
        Assert.True(ssm.Df >= 4, $"state space models in {ssm.Df} papers");
    }

    [Fact]
    public async Task Seeds_a_later_paper_using_a_name_an_earlier_paper_coined_gets_an_inferred_citation_with_evidence()
    {
        await LoadSeedsAsync();
        var citing = (await _store.SearchAsync("Robustifying State-space Models Approximate Diagonalization", 1, Ct))[0].Paper;
        var cited = (await _store.SearchAsync("Parameterization Initialization Diagonal State Space Models", 1, Ct))[0].Paper;

        var cites = await _store.GetCitationsAsync(new CitationQuery(citing.Id, CitationDirection.Cites, 10), Ct);

        var link = Assert.Single(cites.Items, c => c.Paper.Id == cited.Id);
        Assert.Equal(CitationKind.Inferred, link.Kind);
        Assert.Contains("S4D", link.Evidence, StringComparison.Ordinal);
        Assert.InRange(link.Confidence, LineageCalibration.WriteFloor, 1);
        var citedBy = await _store.GetCitationsAsync(new CitationQuery(cited.Id, CitationDirection.CitedBy, 10, Kind: CitationKind.Inferred), Ct);
        Assert.Contains(citedBy.Items, c => c.Paper.Id == citing.Id);
    }

    [Fact]
    public async Task Demo_papers_using_sparse_lattice_attention_cite_the_paper_that_introduced_it()
    {
        await Loading.LoadAndDeriveAsync(_store, DemoCorpus.Files, cancellationToken: Ct);
        var sla = (await _store.SearchAsync("Sparse Lattice Attention Linear-Time Transformers Crystal Graphs", 1, Ct))[0].Paper;

        var citedBy = await _store.GetCitationsAsync(new CitationQuery(sla.Id, CitationDirection.CitedBy, 10, Kind: CitationKind.Inferred), Ct);

        Assert.Equal(
            ["Lattice Attention for Weather Forecasting", "Tidepool: A Benchmark for Tabular Reasoning under Distribution Shift"],
            citedBy.Items.Select(c => c.Paper.Title).Order(StringComparer.Ordinal));
        // Through the acronym it coined or the name its title opens with, whichever rule is the more confident.
        Assert.All(citedBy.Items, c => Assert.Contains("sparse lattice attention", c.Evidence, StringComparison.OrdinalIgnoreCase));
        var topic = await _store.FindTopicAsync("sla", Ct);
        Assert.Equal("sparse lattice attention", topic?.Name);
    }

    [Fact]
    public async Task Demo_rDPO_and_DPO_stay_two_topics_and_nobody_is_said_to_introduce_DPO()
    {
        await Loading.LoadAndDeriveAsync(_store, DemoCorpus.Files, cancellationToken: Ct);

        var dpo = await _store.FindTopicAsync("DPO", Ct);
        var rdpo = await _store.FindTopicAsync("rDPO", Ct);

        Assert.Equal("direct preference optimization", dpo?.Name);
        Assert.Equal("robust DPO", rdpo?.Name);
        Assert.Equal(3, dpo!.Df);
        // The replication's title spells DPO out but does not coin it: no paper is its introducer, so no edge is invented.
        var replication = (await _store.SearchAsync("Direct Preference Optimization Small Models Replication", 1, Ct))[0].Paper;
        var citedBy = await _store.GetCitationsAsync(new CitationQuery(replication.Id, CitationDirection.CitedBy, 10), Ct);
        Assert.Equal(0, citedBy.TotalCount);
    }

    [Fact]
    public async Task Running_the_pass_again_changes_no_row()
    {
        await LoadSeedsAsync();
        var before = await StoreDump.DumpAsync(DbPath);

        var report = await new TopicsAndLineage(_store).RunAsync(cancellationToken: Ct);
        var after = await StoreDump.DumpAsync(DbPath);

        Assert.True(report.Topics > 100, $"{report.Topics} topics");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Co_topic_rows_stay_within_the_top_k_of_each_paper()
    {
        await new Ingestor(_store).LoadAsync(
            [InputFile.FromPath(SharedData.Require("seeds/listing-daily-b.txt")), InputFile.FromPath(SharedData.Require("seeds/listing-search-c.txt"))],
            cancellationToken: Ct);

        var report = await new TopicsAndLineage(_store, new DeriveOptions { Topics = new() { CoTopicK = 3 } }).RunAsync(cancellationToken: Ct);

        var perPaperMax = await StoreDump.ScalarAsync(DbPath, "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM co_topic GROUP BY paper_pk);");
        Assert.InRange(perPaperMax, 1, 3);
        Assert.True(report.CoTopic <= 3 * report.Papers);
        Assert.True(report.CoTopic < report.Papers * (report.Papers - 1) / 10);
        var related = await _store.GetCoTopicPapersAsync((await _store.SearchAsync("state space models", 1, Ct))[0].Paper.Id, 3, Ct);
        Assert.NotEmpty(related);
        Assert.All(related, r => Assert.NotEmpty(r.Reasons));
    }

    [Fact]
    public async Task An_explicit_citation_is_never_replaced_by_an_inferred_one()
    {
        await new Ingestor(_store).LoadAsync(DemoCorpus.Files, cancellationToken: Ct);
        var sla = (await _store.SearchAsync("Sparse Lattice Attention Linear-Time Transformers Crystal Graphs", 1, Ct))[0].Paper;
        var weather = (await _store.SearchAsync("Lattice Attention Weather Forecasting", 1, Ct))[0].Paper;
        await _store.UpsertCitationsAsync([new Citation(weather.Id, sla.Id, CitationKind.Explicit)], Ct);

        await new TopicsAndLineage(_store).RunAsync(cancellationToken: Ct);

        var cites = await _store.GetCitationsAsync(new CitationQuery(weather.Id, CitationDirection.Cites, 10), Ct);
        var link = Assert.Single(cites.Items, c => c.Paper.Id == sla.Id);
        Assert.Equal(CitationKind.Explicit, link.Kind);
    }

    [Fact]
    public async Task Progress_is_reported_for_every_stage_and_every_step_of_lineage_in_order()
    {
        // Coined names and enough papers (title phrases need 100) for every rule to run and propose.
        var corpus = _dir.Write("coined.jsonl", string.Join('\n', SyntheticCorpus.Lines(new GeneratorOptions { Papers = 600, RefsPerPaper = 2, Seed = 29, CoinedTerms = true })));
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(corpus)], cancellationToken: Ct);
        var ticks = new List<DeriveProgress>();

        var report = await new TopicsAndLineage(_store).RunAsync(new SyncProgress(ticks.Add), Ct);

        Assert.True(report.InferredCitations > 0, "the coined corpus infers citations");
        Assert.Equal(
            [
                "extracting", "topics", "writing topics", "lineage",
                "lineage: mentions", "lineage: methods: claims", "lineage: methods: users", "lineage: methods: claimed names",
                "lineage: et al.", "lineage: quoted titles", "lineage: title names",
                "lineage: title phrases: owners", "lineage: title phrases: writers", "lineage: title phrases: shared", "lineage: title phrases: proposing",
                "lineage: reading vectors", "lineage: gate: word and topic frequencies", "lineage: gate: term vectors", "lineage: judging proposals", "writing lineage",
            ],
            ticks.Select(t => t.Stage).Distinct());
        // Each step says what it goes over: the papers, and for the judging the proposals (at least one a citation).
        Assert.All(ticks.Where(t => t.Stage is "lineage: mentions" or "lineage: title names"), t => Assert.Equal(600, t.Total));
        Assert.InRange(ticks.Single(t => t.Stage == "lineage: judging proposals").Total!.Value, report.InferredCitations, int.MaxValue);
    }

    private sealed class SyncProgress(Action<DeriveProgress> report) : IProgress<DeriveProgress>
    {
        public void Report(DeriveProgress value) => report(value);
    }
}
