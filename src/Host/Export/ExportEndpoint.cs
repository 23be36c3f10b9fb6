using CiteGraph.Graph.Export;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Mutations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Export;

/// <summary>
/// <c>GET /export/{format}?seeds=…&amp;radius=…&amp;maxNodes=…&amp;kinds=…&amp;table=nodes|edges</c>: a seeded neighbourhood is public
/// (bounded like the <c>subgraph</c> query); the whole graph (no seeds) needs the API key in <c>X-Api-Key</c>, like mutations.
/// </summary>
public static class ExportEndpoint
{
    public const int MaxSeeds = 50;
    public const int MaxRadius = 3;
    public const int MaxNodes = 1_000;

    /// <summary>The prefix of the temporary files exports are staged in, in <see cref="Path.GetTempPath"/>.</summary>
    public const string TemporaryFilePrefix = "citegraph-export-";

    public static IEndpointConventionBuilder MapCiteGraphExport(this IEndpointRouteBuilder endpoints, string pattern = "/export/{format}") =>
        endpoints.MapGet(pattern, HandleAsync);

    private static async Task<IResult> HandleAsync(
        string format, HttpContext context, SnapshotHolder snapshots, IGraphStore store, IOptions<ApiKeyOptions> apiKeyOptions, CancellationToken cancellationToken)
    {
        var apiKey = apiKeyOptions.Value;
        // A directory format (neo4j-admin) is the whole store written to disk by the CLI, not a download.
        if (!ExportFormats.TryParse(format, out var kind) || ExportFormats.Info(kind).IsDirectory)
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

        if (!ExportEdgeKinds.TryParse(query["kinds"], out var kinds, out var unknown))
        {
            return Problem(StatusCodes.Status400BadRequest, ExportEdgeKinds.UnknownMessage(unknown!));
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
            var scope = seeds.Count == 0 ? ExportScope.Everything with { Kinds = kinds }
                : new ExportScope { Seeds = seeds, Radius = radius, MaxNodes = maxNodes, Kinds = kinds };
            graph = await ExportGraphBuilder.BuildAsync(snapshots.Current, store, scope, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problem(StatusCodes.Status404NotFound, e.Message.Split(" (Parameter", 2)[0]);
        }

        // The writers are synchronous and Kestrel allows only asynchronous body I/O, so the document goes to a temporary
        // file first (written synchronously, fast into the page cache) and is then sent from it asynchronously. Memory
        // stays bounded whatever the graph's size, a writer failure still gives a proper 500 rather than a cut-off 200,
        // and the response has a Content-Length. The file is deleted when the result disposes the stream after sending.
        var file = OpenTemporaryFile();
        try
        {
            GraphExporter.Write(graph, kind, file, table);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        var name = "citegraph" + (kind == ExportFormat.Csv ? "-" + table.ToString().ToLowerInvariant() : "") + ExportFormats.Extension(kind);
        context.Response.Headers["X-CiteGraph-Truncated"] = graph.Truncated ? "true" : "false";
        return Results.File(file, ExportFormats.MediaType(kind), name);
    }

    private static FileStream OpenTemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), TemporaryFilePrefix + Guid.NewGuid().ToString("N") + ".tmp"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 64 * 1024,
        FileOptions.DeleteOnClose | FileOptions.SequentialScan);

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
