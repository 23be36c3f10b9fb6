namespace CiteGraph.Graph.Export;

/// <summary>The file formats graph tools, reference managers and Neo4j's bulk importer open.</summary>
public enum ExportFormat
{
    /// <summary>GraphML (Gephi, Cytoscape, yEd, NetworkX, igraph).</summary>
    GraphML,

    /// <summary>GEXF 1.2 (Gephi, Sigma.js, NetworkX), with viz sizes and colors.</summary>
    Gexf,

    /// <summary>Cytoscape.js JSON: <c>{ "elements": { "nodes": […], "edges": […] } }</c> (Cytoscape desktop opens it too).</summary>
    Cytoscape,

    /// <summary>Comma-separated tables of nodes and of edges (RFC 4180).</summary>
    Csv,

    /// <summary>BibTeX entries for the papers (stubs left out).</summary>
    Bibtex,

    /// <summary>
    /// A directory of header and data CSV files for <c>neo4j-admin database import full</c>, with the command that loads
    /// them (<see cref="AdminImportExport"/>): the whole store, streamed.
    /// </summary>
    AdminImport,
}

/// <summary>One export format's registration: its name and aliases, what it is, and how it is served.</summary>
/// <param name="Format">The format.</param>
/// <param name="Name">The name the CLI and the HTTP endpoint accept.</param>
/// <param name="Aliases">Other names accepted.</param>
/// <param name="Description">One line for help texts.</param>
/// <param name="MediaType">The media type of the file; null for a directory format.</param>
/// <param name="Extension">The file extension; null for a directory format.</param>
public sealed record ExportFormatInfo(ExportFormat Format, string Name, IReadOnlyList<string> Aliases, string Description, string? MediaType, string? Extension)
{
    /// <summary>
    /// Whether the format is a directory of files written from the whole store (CLI only), rather than one file of a graph
    /// or a neighbourhood (CLI and HTTP).
    /// </summary>
    public bool IsDirectory => MediaType is null;
}

/// <summary>The one list of <see cref="ExportFormat"/>s: names, aliases, media types and extensions come from here.</summary>
public static class ExportFormats
{
    /// <summary>Every format, in the order help texts list them.</summary>
    public static IReadOnlyList<ExportFormatInfo> All { get; } =
    [
        new(ExportFormat.GraphML, "graphml", [], "GraphML", "application/graphml+xml; charset=utf-8", ".graphml"),
        new(ExportFormat.Gexf, "gexf", [], "GEXF", "application/gexf+xml; charset=utf-8", ".gexf"),
        new(ExportFormat.Cytoscape, "cytoscape", ["cyjs", "json"], "Cytoscape.js JSON", "application/json; charset=utf-8", ".cyjs"),
        new(ExportFormat.Csv, "csv", [], "nodes and edges tables", "text/csv; charset=utf-8", ".csv"),
        new(ExportFormat.Bibtex, "bibtex", ["bib"], "BibTeX", "application/x-bibtex; charset=utf-8", ".bib"),
        new(ExportFormat.AdminImport, "neo4j-admin", ["neo4j"], "header and data CSV files and the command for neo4j-admin database import full (--out DIR)", null, null),
    ];

    /// <summary>The names of the single-file formats (the HTTP endpoint's, and the CLI's for a neighbourhood).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Where(f => !f.IsDirectory).Select(f => f.Name)];

    /// <summary>Every format's name (the CLI's <c>--format</c>).</summary>
    public static IReadOnlyList<string> AllNames { get; } = [.. All.Select(f => f.Name)];

    /// <summary>The registration of <paramref name="format"/>.</summary>
    public static ExportFormatInfo Info(ExportFormat format) => All.Single(f => f.Format == format);

    /// <summary>Finds a format by name or alias, in any case.</summary>
    public static bool TryParse(string? name, out ExportFormat format)
    {
        var key = name?.Trim() ?? "";
        var info = All.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase)
            || f.Aliases.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase)));
        format = info?.Format ?? default;
        return info is not null;
    }

    public static string MediaType(ExportFormat format) => Info(format).MediaType ?? throw new ArgumentOutOfRangeException(nameof(format), format, "A directory format has no media type.");

    public static string Extension(ExportFormat format) => Info(format).Extension ?? throw new ArgumentOutOfRangeException(nameof(format), format, "A directory format has no file extension.");
}
