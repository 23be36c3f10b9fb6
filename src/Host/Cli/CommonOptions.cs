using System.CommandLine;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Sqlite;

namespace CiteGraph.Host.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public const string DefaultDatabase = "citegraph.db";

    public static Option<string> Database() => new("--db")
    {
        Description = "Path of the embedded SQLite store.",
        DefaultValueFactory = _ => DefaultDatabase,
        HelpName = "PATH",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout." };

    public static Option<bool> NoEmbed() => new("--no-embed")
    {
        Description = "Skip computing sentence embeddings (all-MiniLM-L6-v2, the slowest derive stage) for new or changed papers; semantic search then misses them.",
    };

    /// <summary>How a derive report's embedding stage reads: embedded, already current, or why it was skipped.</summary>
    public static string EmbeddingSummary(Loaders.Derive.DeriveReport report) => report.EmbeddingSkipped is { } reason
        ? $"embedding skipped: {reason}"
        : $"{report.Embedded:N0} papers embedded ({report.EmbeddingsCurrent:N0} already current)";

    public static SqliteGraphStore OpenStore(string path) => new(new SqliteStoreOptions { Path = path });

    public static IGraphStore OpenStore(StoreLocation location) => location.Open();

    /// <summary>Where a command that needs an existing store looks: a SQLite file that does not exist yet is an error.</summary>
    public static bool IsMissing(StoreLocation location) => location.Kind == StoreKind.Sqlite && !File.Exists(location.SqlitePath);
}
