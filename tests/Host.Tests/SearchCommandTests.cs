using System.Text.Json;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary><c>citegraph load</c> (embedding by default), <c>derive</c> and <c>search --mode</c>, run in-process as a user runs them.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class SearchCommandTests
{
    private static string[] DemoListings => Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "src", "Loaders", "Demo"), "*.txt").Order(StringComparer.Ordinal).ToArray();

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await Program.Main(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public async Task Load_embeds_the_papers_derive_again_embeds_none_and_search_finds_by_meaning()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        Assert.Equal(0, (await RunAsync(["load", .. DemoListings, "--db", db, "--quiet"])).Exit);

        // The load embedded every paper (its report goes to the terminal through Spectre, not to Console.Out).
        var derive = await RunAsync("derive", "--db", db);
        Assert.Equal(0, derive.Exit);
        Assert.Matches(@" 0 papers embedded \([1-9]\d* already current\)", derive.Out);

        const string Paraphrase = "teaching chatbots to behave the way people like from pairwise comparisons";
        var semantic = await RunAsync("search", Paraphrase, "--mode", "semantic", "--first", "3", "--json", "--db", db);
        var keyword = await RunAsync("search", Paraphrase, "--mode", "keyword", "--json", "--db", db);

        Assert.Equal((0, 0), (semantic.Exit, keyword.Exit));
        var titles = JsonDocument.Parse(semantic.Out).RootElement.EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToList();
        // Two of the demo's three papers about learning from preferences come first (which two: close scores may swap).
        Assert.Equal(3, titles.Count);
        Assert.All(titles.Take(2), t => Assert.Contains("Preference", t, StringComparison.Ordinal));
        Assert.Empty(JsonDocument.Parse(keyword.Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Without_embeddings_semantic_search_fails_and_says_how_to_compute_them()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        Assert.Equal(0, (await RunAsync(["load", .. DemoListings, "--db", db, "--quiet", "--no-embed"])).Exit);

        var semantic = await RunAsync("search", "lattice attention", "--mode", "semantic", "--db", db);
        var hybrid = await RunAsync("search", "lattice attention", "--json", "--db", db);

        Assert.Equal(1, semantic.Exit);
        Assert.Contains("citegraph derive", semantic.Error, StringComparison.Ordinal);
        Assert.Equal(0, hybrid.Exit);
        Assert.NotEmpty(JsonDocument.Parse(hybrid.Out).RootElement.EnumerateArray());
    }
}
