using System.CommandLine;
using CiteGraph.Graph.Storage;
using CiteGraph.Host.Hosting;

namespace CiteGraph.Host.Cli;

/// <summary>
/// Which store a command works on: <c>--store URI</c> (any registered provider's syntax, <see cref="ShippedStores"/>),
/// else an explicit <c>--db PATH</c> (a store file), else the environment (<c>CITEGRAPH_STORE</c>, then <c>NEO4J_URI</c>
/// with <c>NEO4J_USER</c>/<c>NEO4J_PASSWORD</c>), else the file citegraph.db. Validated before anything is opened.
/// </summary>
internal static class StoreSelection
{
    public static Option<string?> Option() => new("--store")
    {
        Description = $"The store: {ShippedStores.Providers.Syntax} (default the file citegraph.db; also CITEGRAPH_STORE, or NEO4J_URI with NEO4J_USER/NEO4J_PASSWORD).",
        HelpName = "URI",
    };

    /// <summary>The store the command line and environment name, or an error message for the user.</summary>
    public static bool TryResolve(ParseResult result, Option<string> db, Option<string?> store, out StoreLocation? location, out string? error) =>
        TryResolve(result.GetValue(store), result.GetResult(db) is { Implicit: false } ? result.GetValue(db) : null, result.GetValue(db),
            Environment.GetEnvironmentVariable, out location, out error);

    /// <summary>The precedence rules, apart from the command line (for tests).</summary>
    public static bool TryResolve(string? store, string? explicitDatabase, string? defaultDatabase, Func<string, string?> environment,
        out StoreLocation? location, out string? error)
    {
        location = null;
        if (store is not null && explicitDatabase is not null)
        {
            error = "--db and --store both name a store; give one of them.";
            return false;
        }

        if (store is not null)
        {
            if (ShippedStores.Providers.TryParse(store, out location, out error, environment))
            {
                return true;
            }

            error = "--store: " + error;
            return false;
        }

        if (explicitDatabase is not null)
        {
            error = null;
            location = ShippedStores.Providers.ForFile(explicitDatabase);
            return true;
        }

        if (!ShippedStores.Providers.TryFromEnvironment(environment, out location, out error))
        {
            return false;
        }

        location ??= ShippedStores.Providers.ForFile(defaultDatabase ?? CommonOptions.DefaultDatabase);
        return true;
    }

    /// <summary>Prints a store error the way every command does, returning the exit code for a usage error.</summary>
    public static async Task<int> FailAsync(string? error)
    {
        await Console.Error.WriteLineAsync(error);
        return 2;
    }
}
