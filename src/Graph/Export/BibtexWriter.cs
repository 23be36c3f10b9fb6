using System.Globalization;
using System.Text;

namespace CiteGraph.Graph.Export;

/// <summary>
/// Writes the papers of an export as BibTeX <c>@misc</c> entries (title, year, arXiv eprint, DOI, code URL), for
/// reference managers. Stubs (referenced papers known only by id) are left out; keys are unique within the file.
/// </summary>
public static class BibtexWriter
{
    public static void Write(ExportGraph graph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes.Where(n => !n.Stub))
        {
            var key = UniqueKey(node, keys);
            writer.WriteLine($"@misc{{{key},");
            Field(writer, "title", "{" + Escape(node.Label) + "}");
            if (node.Year is { } year)
            {
                Field(writer, "year", year.ToString(CultureInfo.InvariantCulture));
            }

            if (node.ArxivId is not null)
            {
                Field(writer, "eprint", Verbatim(node.ArxivId));
                Field(writer, "archivePrefix", "arXiv");
            }

            if (node.Doi is not null)
            {
                Field(writer, "doi", Verbatim(node.Doi));
            }

            var url = node.ArxivId is not null ? "https://arxiv.org/abs/" + node.ArxivId
                : node.Doi is not null ? "https://doi.org/" + node.Doi
                : node.Repos.FirstOrDefault();
            if (url is not null)
            {
                Field(writer, "url", Verbatim(url));
            }

            if (node.Repos.Count > 0)
            {
                Field(writer, "note", "Code: " + string.Join(", ", node.Repos.Select(r => "\\url{" + Verbatim(r) + "}")));
            }

            writer.WriteLine($"  citegraph = {{{node.Id}}}");
            writer.WriteLine("}");
            writer.WriteLine();
        }
    }

    private static void Field(StreamWriter writer, string name, string value) => writer.WriteLine($"  {name} = {{{value}}},");

    /// <summary>A citation key from the arXiv id, else the first title word and the year, else the CiteGraph id.</summary>
    private static string UniqueKey(ExportNode node, HashSet<string> taken)
    {
        var word = new string(node.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .FirstOrDefault(w => w.Length > 2) ?? "");
        var baseKey = node.ArxivId is not null ? "arxiv" + node.ArxivId.Replace('/', '_').Replace('.', '_')
            : word.Length > 0 ? word.ToLowerInvariant() + (node.Year?.ToString(CultureInfo.InvariantCulture) ?? "")
            : new string(node.Id.Where(char.IsAsciiLetterOrDigit).ToArray());
        var key = baseKey;
        for (var i = 2; !taken.Add(key); i++)
        {
            key = baseKey + "_" + i.ToString(CultureInfo.InvariantCulture);
        }

        return key;
    }

    /// <summary>
    /// Identifiers and URLs as styles read them (verbatim, through <c>\url</c> or <c>\doi</c>): only braces, which would
    /// unbalance the entry, and control characters are dropped.
    /// </summary>
    public static string Verbatim(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string(text.Where(c => c is not ('{' or '}') && !char.IsControl(c)).ToArray());
    }

    /// <summary>Escapes the characters (La)TeX treats specially, so any title survives.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            builder.Append(ch switch
            {
                '\\' => "\\textbackslash{}",
                '{' => "\\{",
                '}' => "\\}",
                '&' => "\\&",
                '%' => "\\%",
                '$' => "\\$",
                '#' => "\\#",
                '_' => "\\_",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ when char.IsControl(ch) => " ",
                _ => ch.ToString(),
            });
        }

        return builder.ToString();
    }
}
