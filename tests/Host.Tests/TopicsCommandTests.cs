using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary><c>citegraph topics</c>, <c>derive</c> and <c>eval-lineage</c> run in-process, as a user runs them.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TopicsCommandTests
{
    [Fact]
    public async Task Topics_derive_and_eval_lineage_run_on_a_loaded_store()
    {
        var seeds = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        Assert.Equal(0, await Program.Main(["load", .. seeds, "--db", db, "--quiet", "--no-embed"]));

        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, await Program.Main(["topics", "--db", db, "--first", "200", "--json"]));
            Assert.Equal(0, await Program.Main(["derive", "--db", db, "--no-embed"]));
            var truth = dir.Write("truth.tsv", "# citing\tcited\n");
            Assert.Equal(0, await Program.Main(["eval-lineage", "--db", db, "--truth", truth, "--threshold", "0.7"]));
            Assert.Equal(2, await Program.Main(["eval-lineage", "--db", db, "--truth", truth, "--threshold", "7"]));
        }
        finally
        {
            Console.SetOut(original);
        }

        var text = output.ToString();
        Assert.Contains("\"name\":\"reparameterized absorbing discrete diffusion\"", text, StringComparison.Ordinal);
        Assert.Contains("RADD", text, StringComparison.Ordinal);
        Assert.Contains("precision n/a", text, StringComparison.Ordinal);
        Assert.Equal(1, await Program.Main(["topics", "--db", dir.File("missing.db")]));
    }
}
