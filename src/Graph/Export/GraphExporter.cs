namespace CiteGraph.Graph.Export;

/// <summary>Writes an <see cref="ExportGraph"/> in any <see cref="ExportFormat"/>.</summary>
public static class GraphExporter
{
    /// <param name="graph">What to write.</param>
    /// <param name="format">The file format.</param>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="table">For CSV, the table to write.</param>
    public static void Write(ExportGraph graph, ExportFormat format, Stream output, CsvTable table = CsvTable.Nodes)
    {
        switch (format)
        {
            case ExportFormat.GraphML: GraphMLWriter.Write(graph, output); break;
            case ExportFormat.Gexf: GexfWriter.Write(graph, output); break;
            case ExportFormat.Cytoscape: CytoscapeJsonWriter.Write(graph, output); break;
            case ExportFormat.Csv: CsvExport.Write(graph, table, output); break;
            case ExportFormat.Bibtex: BibtexWriter.Write(graph, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "Not a single-file format (neo4j-admin is written by AdminImportExport).");
        }
    }
}
