using System.Text.RegularExpressions;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>What the progress tests of long commands share: a loaded demo store, and the stage lines a log receives.</summary>
internal static partial class StageLog
{
    /// <summary>A store in <paramref name="dir"/> with the demo corpus loaded (not derived); returns its path.</summary>
    public static async Task<string> DemoStoreAsync(TempDirectory dir, CancellationToken cancellationToken)
    {
        var db = dir.File("demo.db");
        await using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db });
        await new Ingestor(store).LoadAsync(DemoCorpus.Files, cancellationToken: cancellationToken);
        return db;
    }

    /// <summary>The stage lines of <paramref name="stderr"/>: <c>[hh:mm:ss] step (rss …, peak …, cpu …, gc …)</c>.</summary>
    public static List<Match> Lines(string stderr) =>
        [.. stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Line().Match(line)).Where(match => match.Success)];

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d\] (?<step>.+) \(rss \d+\.\d\d GiB, peak \d+\.\d\d GiB, cpu (?<cpu>\d+\.\d) s, gc \d+\.\d s\)$")]
    private static partial Regex Line();
}
