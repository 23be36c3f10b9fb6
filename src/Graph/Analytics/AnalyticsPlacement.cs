using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Analytics;

/// <summary>Where the user asked analytics to run.</summary>
public enum AnalyticsPlacementChoice
{
    /// <summary>In the database when it can run every requested algorithm, else in this process.</summary>
    Auto,

    /// <summary>In the database, or not at all.</summary>
    InDatabase,

    /// <summary>In this process, reading the graph from the store.</summary>
    InProcess,
}

/// <summary>Where analytics run and why; <see cref="Error"/> when the choice cannot be honoured.</summary>
/// <param name="InDatabase">Whether they run inside the database.</param>
/// <param name="Reason">One line saying where and why, for the report.</param>
/// <param name="Error">Why the requested placement is impossible, or null.</param>
public sealed record AnalyticsPlacement(bool InDatabase, string Reason, string? Error = null)
{
    /// <summary>
    /// Decides where <paramref name="request"/> runs on <paramref name="store"/>: in the database when the store has
    /// in-database analytics (<see cref="IInDatabaseAnalytics"/>), the database has them installed and they cover every
    /// requested algorithm, unless <paramref name="choice"/> says otherwise.
    /// </summary>
    public static async Task<AnalyticsPlacement> ChooseAsync(
        IGraphStore store, AnalyticsRequest request, AnalyticsPlacementChoice choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        if (choice == AnalyticsPlacementChoice.InProcess)
        {
            return new(false, "in process (--in-process)");
        }

        AnalyticsPlacement NotHere(string why) => choice == AnalyticsPlacementChoice.InDatabase
            ? new(false, "", $"--in-database: {why}")
            : new(false, $"in process: {why}");

        // The database projects one stored relationship type; the automatic choice and the hybrid and semantic graphs are
        // built here from several layers (and embeddings), so they run in process.
        if (request.Graph is not (AnalyticsGraph.Citations or AnalyticsGraph.CoTopic))
        {
            return NotHere($"communities on the {request.Graph.ToString().ToLowerInvariant()} graph are built in process (--graph citations or cotopic can run in the database)");
        }

        if (Of(store) is not { } engine)
        {
            return NotHere("this store has no in-database analytics (Neo4j with the Graph Data Science library has)");
        }

        var missing = request.Algorithms.Where(a => !engine.InDatabaseAlgorithms.Contains(a)).Select(Name).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return NotHere($"{string.Join(", ", missing)} not run in the database (it runs {string.Join(", ", engine.InDatabaseAlgorithms.Select(Name).Order(StringComparer.Ordinal))})");
        }

        var version = await engine.DetectInDatabaseAnalyticsAsync(cancellationToken).ConfigureAwait(false);
        return version is null
            ? NotHere("Neo4j has no Graph Data Science library (no gds.version function)")
            : new(true, $"in the database: {version}");
    }

    /// <summary>The store's in-database analytics (behind its failure guard), or null.</summary>
    public static IInDatabaseAnalytics? Of(IGraphStore store) => store is GuardedGraphStore guarded ? guarded.InDatabaseAnalytics : store as IInDatabaseAnalytics;

    private static string Name(AnalyticsAlgorithm algorithm) => algorithm.ToString().ToLowerInvariant();
}
