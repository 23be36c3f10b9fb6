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

    public static SqliteGraphStore OpenStore(string path) => new(new SqliteStoreOptions { Path = path });

    public static IGraphStore OpenStore(StoreLocation location) => location.Open();

    /// <summary>Where a command that needs an existing store looks: a SQLite file that does not exist yet is an error.</summary>
    public static bool IsMissing(StoreLocation location) => location.Kind == StoreKind.Sqlite && !File.Exists(location.SqlitePath);
}
