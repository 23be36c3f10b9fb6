namespace CiteGraph.Graph.Export;

/// <summary>The file formats graph tools and reference managers open.</summary>
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
}

/// <summary>Names, media types and file extensions of <see cref="ExportFormat"/>.</summary>
public static class ExportFormats
{
    /// <summary>The names the CLI and the HTTP endpoint accept.</summary>
    public static IReadOnlyList<string> Names { get; } = ["graphml", "gexf", "cytoscape", "csv", "bibtex"];

    public static bool TryParse(string? name, out ExportFormat format)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "GRAPHML": format = ExportFormat.GraphML; return true;
            case "GEXF": format = ExportFormat.Gexf; return true;
            case "CYTOSCAPE" or "CYJS" or "JSON": format = ExportFormat.Cytoscape; return true;
            case "CSV": format = ExportFormat.Csv; return true;
            case "BIBTEX" or "BIB": format = ExportFormat.Bibtex; return true;
            default: format = default; return false;
        }
    }

    public static string MediaType(ExportFormat format) => format switch
    {
        ExportFormat.GraphML => "application/graphml+xml; charset=utf-8",
        ExportFormat.Gexf => "application/gexf+xml; charset=utf-8",
        ExportFormat.Cytoscape => "application/json; charset=utf-8",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Bibtex => "application/x-bibtex; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.GraphML => ".graphml",
        ExportFormat.Gexf => ".gexf",
        ExportFormat.Cytoscape => ".cyjs",
        ExportFormat.Csv => ".csv",
        ExportFormat.Bibtex => ".bib",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
