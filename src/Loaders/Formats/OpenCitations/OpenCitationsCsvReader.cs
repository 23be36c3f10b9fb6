using System.Runtime.CompilerServices;
using System.Text;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.OpenCitations;

/// <summary>
/// Reads OpenCitations citation CSV: the COCI dumps (<c>oci,citing,cited,creation,timespan,journal_sc,author_sc</c>, one
/// DOI-to-DOI citation a row) and the OpenCitations Index's CSV, whose ids are prefixed and may name a work several ways
/// (<c>omid:br/0601… doi:10.… pmid:…</c>). Each citation attaches the papers with those DOIs, as an edge list of DOIs
/// does: the citing paper is an id-only record carrying its references, dated by <c>creation</c> (the citing work's
/// publication date), and a cited paper not known yet is a stub until it arrives.
/// </summary>
public sealed class OpenCitationsCsvReader : IRecordReader
{
    /// <summary>The format name, for the command line.</summary>
    public const string FormatName = "opencitations";

    /// <summary>Provenance format of citation rows (id-only records).</summary>
    public const string CitationFormat = "opencitations-ids";

    /// <inheritdoc />
    public string Format => FormatName;

    /// <summary>True when <paramref name="firstLine"/> is an OpenCitations header: comma-separated, naming <c>citing</c> and <c>cited</c> columns.</summary>
    public static bool IsHeader(string firstLine)
    {
        ArgumentNullException.ThrowIfNull(firstLine);
        var fields = CsvLine.Split(firstLine.Trim().TrimStart('\uFEFF'));
        return fields.Count >= 2 && fields.Contains("citing", StringComparer.OrdinalIgnoreCase) && fields.Contains("cited", StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var grouper = new EdgeGrouper(input.Name, CitationFormat, id => "DOI " + id.Value, citedAsRecords: false);
        await using var stream = input.OpenContent();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        int citingColumn = -1, citedColumn = -1, creationColumn = -1, columns = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = CsvLine.Split(line.TrimEnd('\r'));
            if (citingColumn < 0)
            {
                citingColumn = IndexOf(fields, "citing");
                citedColumn = IndexOf(fields, "cited");
                creationColumn = IndexOf(fields, "creation");
                columns = fields.Count;
                if (citingColumn < 0 || citedColumn < 0)
                {
                    yield return ReadResult.Rejected(input.Name, lineNumber,
                        "expected the OpenCitations header naming 'citing' and 'cited' columns (oci,citing,cited,creation,timespan,journal_sc,author_sc)");
                    yield break;
                }

                continue;
            }

            if (fields.Count != columns)
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, $"expected {columns} comma-separated fields as the header names, found {fields.Count}");
                continue;
            }

            var citing = DoiOf(fields[citingColumn]);
            var cited = DoiOf(fields[citedColumn]);
            if (citing is null || cited is null)
            {
                var (end, text) = citing is null ? ("citing", fields[citingColumn]) : ("cited", fields[citedColumn]);
                yield return ReadResult.Rejected(input.Name, lineNumber,
                    $"no DOI for the {end} work in '{Shorten(text)}'" +
                    (text.Contains("omid:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("br/", StringComparison.OrdinalIgnoreCase)
                        ? " (a work OpenCitations names by OMID only: its DOI, if any, is in OpenCitations Meta)"
                        : ""));
                continue;
            }

            if (citing == cited)
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, $"a paper citing itself ({citing.Value})");
                continue;
            }

            PartialDate? published = creationColumn >= 0 && PartialDate.TryParse(fields[creationColumn], out var date) ? date : null;
            foreach (var record in grouper.Add(citing, cited, lineNumber, published))
            {
                yield return ReadResult.Ok(record);
            }
        }

        if (grouper.Flush() is { } last)
        {
            yield return ReadResult.Ok(last);
        }
    }

    /// <summary>The DOI among a field's ids: a bare DOI (COCI) or the <c>doi:</c> one of several space-separated prefixed ids (the Index).</summary>
    internal static ExternalId? DoiOf(string field)
    {
        foreach (var token in field.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EdgeIds.Doi(token) is { } doi)
            {
                return doi;
            }
        }

        return null;
    }

    private static int IndexOf(List<string> fields, string name) => fields.FindIndex(f => string.Equals(f.Trim(), name, StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
