using System.CommandLine;
using CiteGraph.Graph.Analytics;

namespace CiteGraph.Host.Cli;

/// <summary><c>analyze</c>'s <c>--in-database</c> / <c>--in-process</c>: where the kernels run (default: in the database when it can).</summary>
internal static class AnalyzePlacementOptions
{
    public static (Option<bool> InDatabase, Option<bool> InProcess) Create() =>
    (
        new Option<bool>("--in-database") { Description = "Run inside Neo4j with the Graph Data Science library (pagerank, leiden, wcc, kcore), or fail. Default: there when it can, else here." },
        new Option<bool>("--in-process") { Description = "Read the graph into this process and run the kernels here, even on a Neo4j store with GDS." }
    );

    public static bool TryGetChoice(ParseResult result, Option<bool> inDatabase, Option<bool> inProcess, out AnalyticsPlacementChoice choice)
    {
        var (database, process) = (result.GetValue(inDatabase), result.GetValue(inProcess));
        choice = database ? AnalyticsPlacementChoice.InDatabase : process ? AnalyticsPlacementChoice.InProcess : AnalyticsPlacementChoice.Auto;
        return !(database && process);
    }
}
