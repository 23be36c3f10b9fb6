using System.CommandLine;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Host.Cli;

/// <summary>
/// What a command that fails on its store prints: one line saying what is wrong and with which file (a garbage file, a
/// database from a newer CiteGraph, a read-only folder, a full disk), not "Unhandled exception" and a stack trace;
/// <c>--verbose</c> adds the trace for a bug report. Exceptions that are not about the environment stay unhandled.
/// </summary>
internal static class CommandFailure
{
    private const string VerboseName = "--verbose";

    /// <summary>The option every command takes (recursive on the root).</summary>
    public static Option<bool> CreateVerbose() => new(VerboseName)
    {
        Description = "On failure, print the full error with its stack trace.",
        Recursive = true,
    };

    /// <summary>Runs the parsed command; a failure of the environment becomes one line on stderr and exit code 1.</summary>
    public static async Task<int> InvokeAsync(ParseResult parse)
    {
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (IsEnvironmental(ex))
        {
            // Store adapters hand out port exceptions whose message already says what is wrong, naming the store.
            await Console.Error.WriteLineAsync($"citegraph: {ex.Message}");
            if (parse.GetValue<bool>(VerboseName))
            {
                await Console.Error.WriteLineAsync(ex.ToString());
            }

            return 1;
        }
    }

    private static bool IsEnvironmental(Exception ex) =>
        ex is GraphStoreException or IOException or UnauthorizedAccessException;
}
