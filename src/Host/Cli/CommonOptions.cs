using System.CommandLine;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Host.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public const string DefaultDatabase = "citegraph.db";

    public static Option<string> Database() => new("--db")
    {
        Description = "Path of the embedded store's file.",
        DefaultValueFactory = _ => DefaultDatabase,
        HelpName = "PATH",
    };

    /// <summary>The truth file of the eval commands: known references, one citing / cited pair per line.</summary>
    public static Option<string> Truth() => new("--truth")
    {
        Description = "TSV of known references: citing id, cited id per line (any id kind the store knows: arXiv id, DOI, OpenAlex, S2, CiteGraph id).",
        Required = true,
        HelpName = "FILE",
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

    /// <summary>The store kept in the file at <paramref name="path"/> (the <c>--db</c> of commands without <c>--store</c>), not yet initialized.</summary>
    public static IGraphStore OpenStore(string path) => Hosting.ShippedStores.Providers.ForFile(path).Open();

    public static IGraphStore OpenStore(StoreLocation location) => location.Open();

    /// <summary>
    /// Why a path given to a command that reads an existing store names no database, or null when it may: missing, a
    /// directory, or an empty file (which opening would silently turn into an empty database).
    /// </summary>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            return $"{path} is a directory, not a database file; give the path of the database file (e.g. {Path.Combine(path, DefaultDatabase)}).";
        }

        if (!File.Exists(path))
        {
            return $"{path}: no such database; create one with 'citegraph load FILE… --db {path}'.";
        }

        return new FileInfo(path).Length == 0
            ? $"{path} is an empty file, not a CiteGraph database; it was left as it is (create a database with 'citegraph load FILE… --db {path}')."
            : null;
    }

    /// <summary>Prints why <paramref name="path"/> names no database (see <see cref="Problem"/>); true when it does not.</summary>
    public static async Task<bool> ReportProblemAsync(string path)
    {
        if (Problem(path) is not { } problem)
        {
            return false;
        }

        await Console.Error.WriteLineAsync(problem);
        return true;
    }

    /// <summary>Prints why a store kept in a file names no store (see <see cref="Problem"/>); true when it does not. Server stores pass.</summary>
    public static Task<bool> ReportProblemAsync(StoreLocation location) =>
        location.FilePath is { } path ? ReportProblemAsync(path) : Task.FromResult(false);

    /// <summary>Where a command that needs an existing store looks: a store file that does not exist yet is an error.</summary>
    public static bool IsMissing(StoreLocation location) => location.FilePath is { } path && !File.Exists(path);
}
