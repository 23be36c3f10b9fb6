using CiteGraph.Graph.Export;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Mutations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CiteGraph.Host.Export;

/// <summary>
/// <c>GET /export/{format}?seeds=…&amp;radius=…&amp;maxNodes=…&amp;table=nodes|edges</c>: a seeded neighbourhood is public
/// (bounded like the <c>subgraph</c> query); the whole graph (no seeds) needs the API key in <c>X-Api-Key</c>, like mutations.
/// </summary>
public static class ExportEndpoint
{
    public const int MaxSeeds = 50;
    public const int MaxRadius = 3;
    public const int MaxNodes = 1_000;

    public static IEndpointConventionBuilder MapCiteGraphExport(this IEndpointRouteBuilder endpoints, string pattern = "/export/{format}") =>
        endpoints.MapGet(pattern, HandleAsync);

    private static async Task<IResult> HandleAsync(
        string format, HttpContext context, SnapshotHolder snapshots, IGraphStore store, ApiKeyOptions apiKey, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var kind))
        {
            return Problem(StatusCodes.Status404NotFound, $"Unknown export format '{format}'; one of: {string.Join(", ", ExportFormats.Names)}.");
        }

        var query = context.Request.Query;
        var seeds = query["seeds"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (!TryInt(query["radius"], 1, 0, MaxRadius, out var radius) || !TryInt(query["maxNodes"], 200, 1, MaxNodes, out var maxNodes))
        {
            return Problem(StatusCodes.Status400BadRequest, $"radius must be 0–{MaxRadius} and maxNodes 1–{MaxNodes}.");
        }

        if (seeds.Count > MaxSeeds || seeds.Any(s => s.Length > 512))
        {
            return Problem(StatusCodes.Status400BadRequest, $"At most {MaxSeeds} seeds of at most 512 characters.");
        }

        var table = CsvTable.Nodes;
        if (query["table"].ToString() is { Length: > 0 } t && !Enum.TryParse(t, ignoreCase: true, out table))
        {
            return Problem(StatusCodes.Status400BadRequest, "table must be 'nodes' or 'edges'.");
        }

        if (seeds.Count == 0 && !apiKey.Accepts(context.Request.Headers["X-Api-Key"].FirstOrDefault()))
        {
            return Problem(StatusCodes.Status401Unauthorized, string.IsNullOrEmpty(apiKey.ApiKey)
                ? "Exporting the whole graph is disabled: the server has no API key configured (set CITEGRAPH_API_KEY). Pass seeds=… for a neighbourhood."
                : "Exporting the whole graph needs the API key in the X-Api-Key header. Pass seeds=… for a neighbourhood.");
        }

        ExportGraph graph;
        try
        {
            var scope = seeds.Count == 0 ? ExportScope.Everything : new ExportScope { Seeds = seeds, Radius = radius, MaxNodes = maxNodes };
            graph = await ExportGraphBuilder.BuildAsync(snapshots.Current, store, scope, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problem(StatusCodes.Status404NotFound, e.Message.Split(" (Parameter", 2)[0]);
        }

        // The writers are synchronous; the exports are bounded, so buffering keeps Kestrel's async-only I/O rule.
        var buffer = new MemoryStream();
        GraphExporter.Write(graph, kind, buffer, table);
        buffer.Position = 0;
        var name = "citegraph" + (kind == ExportFormat.Csv ? "-" + table.ToString().ToLowerInvariant() : "") + ExportFormats.Extension(kind);
        context.Response.Headers["X-CiteGraph-Truncated"] = graph.Truncated ? "true" : "false";
        return Results.File(buffer, ExportFormats.MediaType(kind), name);
    }

    private static bool TryInt(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
