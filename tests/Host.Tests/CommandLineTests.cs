using CiteGraph.Graph.Sqlite;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>The citegraph commands run in-process through Program.Main, as a user runs them.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Load_then_load_again_then_stats_report_the_same_store()
    {
        var seeds = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");

        Assert.Equal(0, await Program.Main(["load", .. seeds, "--db", db, "--quiet", "--no-embed"]));
        var first = await StatsAsync(db);
        Assert.Equal(0, await Program.Main(["load", .. seeds, "--db", db, "--quiet", "--no-embed"]));
        Assert.Equal(first, await StatsAsync(db));
        Assert.Equal(104, first.Papers);
        Assert.Equal(0, await Program.Main(["stats", "--db", db]));
    }

    [Fact]
    public async Task Load_papers_then_references_by_arxiv_id_builds_the_citation_graph_of_those_papers()
    {
        var folder = SharedData.Require("data/neurips-icml-citations");
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");

        Assert.Equal(0, await Program.Main(
            ["load", Path.Combine(folder, "papers.jsonl"), Path.Combine(folder, "references.tsv"), "--id-kind", "arxiv", "--no-derive", "--db", db, "--quiet"]));

        var stats = await StatsAsync(db);
        Assert.Equal(4_828, stats.Papers);
        Assert.Equal(File.ReadLines(Path.Combine(folder, "references.tsv")).Count(l => l.Length > 0), stats.Citations);
        Assert.NotEqual(0, await Program.Main(["load", Path.Combine(folder, "references.tsv"), "--id-kind", "isbn", "--db", db, "--quiet"]));
    }

    [Fact]
    public async Task Load_exits_non_zero_only_when_nothing_could_be_loaded()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        var junk = dir.Write("junk.txt", "no header here\njust words\n");
        var demo = dir.Write("good.txt", "Daily Papers\n\nSubscribe\n\nA Paper\n\nAn abstract that is long enough to read as one, ending with a period.\n");

        Assert.Equal(1, await Program.Main(["load", junk, "--db", db, "--quiet", "--no-embed"]));
        Assert.Equal(0, await Program.Main(["load", junk, demo, "--db", db, "--quiet", "--no-embed"]));
        var rejects = await File.ReadAllLinesAsync(db + ".rejects.jsonl", Ct);
        Assert.Equal(2, rejects.Length);
        Assert.All(rejects, r => Assert.Contains("junk.txt", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_of_a_folder_reads_every_paper_file_under_it_and_skips_its_documentation_and_hidden_files()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "dataset", "daily")).Parent!.FullName;
        File.Copy(SharedData.Require("seeds/listing-daily-b.txt"), Path.Combine(folder, "daily", "b.txt"));
        File.Copy(SharedData.Require("seeds/listing-search-c.txt"), Path.Combine(folder, "c.txt"));
        await File.WriteAllTextAsync(Path.Combine(folder, "SOURCE.md"), "# Where this came from\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, ".notes"), "not papers\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "README.txt"), "How the files are laid out.\n", Ct);
        var empty = Directory.CreateDirectory(Path.Combine(dir.Path, "empty")).FullName;

        Assert.Equal(0, await Program.Main(["load", folder, "--db", db, "--quiet", "--no-derive"]));

        Assert.Equal(104, (await StatsAsync(db)).Papers);
        Assert.False(File.Exists(db + ".rejects.jsonl"), "SOURCE.md, README.txt and the hidden file were not read as papers");
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.NotEqual(0, await Program.Main(["load", empty, "--db", db, "--quiet", "--no-derive"]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("is a directory with no paper files", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_refuses_a_mistyped_option_instead_of_reading_it_as_a_file()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        var good = dir.Write("good.txt", "Daily Papers\n\nSubscribe\n\nA Paper\n\nAn abstract that is long enough to read as one, ending with a period.\n");
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.NotEqual(0, await Program.Main(["load", good, "--explain-merge", "--db", db, "--quiet", "--no-embed"]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("Unknown option '--explain-merge'", errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(db), "nothing was loaded");
    }

    [Fact]
    public async Task Load_format_takes_the_registry_names_and_aliases_and_refuses_a_typo_with_the_nearest()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        var good = dir.Write("good.txt", "Daily Papers\n\nSubscribe\n\nA Paper\n\nAn abstract that is long enough to read as one, ending with a period.\n");
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.NotEqual(0, await Program.Main(["load", good, "--format", "hf-lsting", "--db", db, "--quiet", "--no-derive"]));
            Assert.False(File.Exists(db), "nothing was loaded");
            Assert.Equal(0, await Program.Main(["load", good, "--format", "listing", "--db", db, "--quiet", "--no-derive"]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("unknown format 'hf-lsting'; known formats: hf-listing, ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("did you mean hf-listing?", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, (await StatsAsync(db)).Papers);
    }

    [Fact]
    public async Task Load_with_explain_merges_reports_each_merge_and_the_rule_that_matched()
    {
        var seeds = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");

        Assert.Equal(0, await Program.Main(["load", .. seeds, "--db", db, "--quiet", "--no-embed", "--explain-merges"]));

        var merges = await File.ReadAllLinesAsync(db + ".merges.jsonl", Ct);
        Assert.Equal(2, merges.Length);
        Assert.All(merges, m => Assert.Contains("\"matchedBy\":\"title\"", m, StringComparison.Ordinal));
        Assert.Contains(merges, m => m.Contains("listing-search-c.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_on_a_missing_database_fails_with_a_hint()
    {
        using var dir = new TempDirectory();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, await Program.Main(["stats", "--db", dir.File("nope.db")]));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("citegraph load", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("nope.db")));
    }

    [Fact]
    public async Task Analyze_writes_scores_and_refuses_unknown_algorithms()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        var listing = dir.Write("good.txt", "Daily Papers\n\nSubscribe\n\nA Paper\n\nAn abstract that is long enough to read as one, ending with a period.\n");
        Assert.Equal(0, await Program.Main(["load", listing, "--db", db, "--quiet", "--no-embed"]));

        Assert.Equal(2, await Program.Main(["analyze", "--db", db, "--algorithms", "pagerank,telepathy"]));
        Assert.Equal(0, await Program.Main(["analyze", "--db", db, "--algorithms", "pagerank,kcore", "--json"]));

        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        var ranked = await store.RankAsync(Graph.Storage.RankingMetric.PageRank, 1, new Graph.Storage.PaperFilter(), Ct);
        Assert.Equal(0.15, Assert.Single(ranked).Score, 9); // an uncited paper: 1 - damping
        Assert.Equal(1, await Program.Main(["analyze", "--db", dir.File("missing.db")]));
    }

    [Fact]
    public async Task Generate_writes_the_same_corpus_for_the_same_seed_and_it_loads_with_its_citations()
    {
        using var dir = new TempDirectory();
        var a = dir.File("a.jsonl");
        var b = dir.File("b.jsonl");
        Assert.Equal(0, await Program.Main(["generate", "--papers", "300", "--refs", "4", "--seed", "9", "--out", a]));
        Assert.Equal(0, await Program.Main(["generate", "--papers", "300", "--refs", "4", "--seed", "9", "--out", b]));
        Assert.Equal(await File.ReadAllBytesAsync(a, Ct), await File.ReadAllBytesAsync(b, Ct));
        Assert.Equal(2, await Program.Main(["generate", "--papers", "-1", "--out", dir.File("c.jsonl")]));

        var db = dir.File("g.db");
        Assert.Equal(0, await Program.Main(["load", a, "--db", db, "--quiet", "--no-embed"]));
        Assert.Equal(300, (await StatsAsync(db)).Papers);
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        var stated = await store.ReadCitationGraphAsync(Graph.Model.CitationKind.Explicit, cancellationToken: Ct);
        Assert.InRange(stated.EdgeCount, 300, 300 * 4);
    }

    [Fact]
    public async Task Analyze_runs_on_the_co_topic_graph_the_load_derived()
    {
        var seeds = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };
        using var dir = new TempDirectory();
        var db = dir.File("cotopic.db");
        Assert.Equal(0, await Program.Main(["load", .. seeds, "--db", db, "--quiet", "--no-embed"]));
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        var coTopic = await store.ReadCoTopicGraphAsync(Ct);
        Assert.True(coTopic.EdgeCount > 0, "the derive pass after load should have built CO_TOPIC edges");
        Assert.All(coTopic.Weights!, w => Assert.True(w > 0));

        Assert.Equal(0, await Program.Main(["analyze", "--db", db, "--graph", "cotopic", "--algorithms", "leiden,pagerank", "--json"]));
        var summary = await store.GetAnalyticsSummaryAsync(Ct);
        Assert.Equal("cotopic", summary!.Graph);
        Assert.True(summary.Communities > 1);
        Assert.InRange(summary.Modularity!.Value, 0.0, 1.0);
    }

    private static async Task<Graph.Model.GraphStats> StatsAsync(string db)
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        return await store.GetStatsAsync(Ct);
    }
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
