using System.Globalization;
using System.Text;

namespace CiteGraph.Graph.Export;

/// <summary>Which table a CSV export holds.</summary>
public enum CsvTable
{
    /// <summary><c>id,label,year,published,community,pageRank,seed,stub,arxivId,doi,repos</c> (repos space-separated).</summary>
    Nodes,

    /// <summary><c>source,target,kind,confidence,evidence,via</c>.</summary>
    Edges,
}

/// <summary>
/// Node and edge tables as RFC 4180 CSV (UTF-8, CRLF, quotes doubled, invariant numbers), the shape Gephi's spreadsheet
/// import and any dataframe library read; and the reader that reads them back.
/// </summary>
public static class CsvExport
{
    public static readonly string[] NodeColumns = ["id", "label", "year", "published", "community", "pageRank", "seed", "stub", "arxivId", "doi", "repos"];
    public static readonly string[] EdgeColumns = ["source", "target", "kind", "confidence", "evidence", "via"];

    public static void Write(ExportGraph graph, CsvTable table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        if (table == CsvTable.Nodes)
        {
            Row(writer, NodeColumns);
            foreach (var n in graph.Nodes)
            {
                Row(writer,
                [
                    n.Id, n.Label, Int(n.Year), n.Published ?? "", Int(n.Community),
                    n.PageRank is { } p ? p.ToString("R", CultureInfo.InvariantCulture) : "",
                    n.Seed ? "true" : "false", n.Stub ? "true" : "false", n.ArxivId ?? "", n.Doi ?? "", string.Join(' ', n.Repos),
                ]);
            }
        }
        else
        {
            Row(writer, EdgeColumns);
            foreach (var e in graph.Edges)
            {
                Row(writer, [e.Source, e.Target, e.Kind, e.Confidence.ToString("R", CultureInfo.InvariantCulture), e.Evidence ?? "", e.Via ?? ""]);
            }
        }
    }

    /// <summary>Reads a node table written by <see cref="Write"/>.</summary>
    public static IReadOnlyList<ExportNode> ReadNodes(TextReader reader)
    {
        var rows = Parse(reader);
        Expect(rows, NodeColumns);
        return rows.Skip(1).Select(r => new ExportNode(
            r[0], r[1], ParseInt(r[2]), Empty(r[3]), ParseInt(r[4]),
            r[5].Length == 0 ? null : double.Parse(r[5], CultureInfo.InvariantCulture),
            r[6] == "true", r[7] == "true", Empty(r[8]), Empty(r[9]),
            r[10].Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    /// <summary>Reads an edge table written by <see cref="Write"/>.</summary>
    public static IReadOnlyList<ExportEdge> ReadEdges(TextReader reader)
    {
        var rows = Parse(reader);
        Expect(rows, EdgeColumns);
        return rows.Skip(1).Select(r => new ExportEdge(
            r[0], r[1], r[2], double.Parse(r[3], CultureInfo.InvariantCulture), Empty(r[4]), Empty(r[5]))).ToList();
    }

    /// <summary>Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    public static IReadOnlyList<string[]> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                any = false;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (any)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    private static void Expect(IReadOnlyList<string[]> rows, string[] columns)
    {
        if (rows.Count == 0 || !rows[0].SequenceEqual(columns))
        {
            throw new FormatException("Expected the header " + string.Join(',', columns));
        }

        var bad = rows.Skip(1).Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Length != columns.Length);
        if (bad.r is not null)
        {
            throw new FormatException($"Row {bad.i + 2} has {bad.r.Length} fields, expected {columns.Length}.");
        }
    }

    private static void Row(StreamWriter writer, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(f);
            }
        }

        writer.WriteLine();
    }

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static int? ParseInt(string text) => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
