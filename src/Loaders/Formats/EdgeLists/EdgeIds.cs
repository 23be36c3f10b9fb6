using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>
/// Reads the node ids of an edge list as arXiv ids or DOIs, and decides from a sample of lines which kind a file holds.
/// </summary>
/// <remarks>
/// A token must be an identifier as a whole, not merely end in one: <see cref="Identifiers.NormalizeArxiv"/> looks for an
/// arXiv id at the end of any text (so the DOI <c>10.48550/arXiv.2106.09685</c> would pass), which is right for text
/// mentions and wrong for a column that must hold one kind of id.
/// </remarks>
public static partial class EdgeIds
{
    /// <summary>The token as an arXiv id (normalized: no prefix, no version, lower case), or null.</summary>
    public static ExternalId? Arxiv(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return WholeArxiv().IsMatch(token) && Identifiers.NormalizeArxiv(token) is { } id ? new ExternalId(ExternalIdKind.Arxiv, id) : null;
    }

    /// <summary>The token as a DOI (normalized as the resolver does: no prefix, lower case), or null.</summary>
    public static ExternalId? Doi(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return WholeDoi().IsMatch(token) && Identifiers.NormalizeDoi(token) is { } doi ? new ExternalId(ExternalIdKind.Doi, doi) : null;
    }

    /// <summary>The token read as <paramref name="kind"/> (<see cref="EdgeIdKind.Arxiv"/> or <see cref="EdgeIdKind.Doi"/>), or null when it is not one.</summary>
    public static ExternalId? Parse(EdgeIdKind kind, string token) => kind switch
    {
        EdgeIdKind.Arxiv => Arxiv(token),
        EdgeIdKind.Doi => Doi(token),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "only arXiv ids and DOIs are parsed"),
    };

    /// <summary>How a kind is named in messages (<c>arXiv id</c>, or <c>an arXiv id</c> with <paramref name="article"/>).</summary>
    public static string Describe(EdgeIdKind kind, bool article = false) => kind switch
    {
        EdgeIdKind.Arxiv => article ? "an arXiv id" : "arXiv id",
        EdgeIdKind.Doi => article ? "a DOI" : "DOI",
        _ => article ? "a node id" : "node id",
    };

    /// <summary>
    /// The kind of the ids in <paramref name="rows"/> (the id pairs of a file's first lines, with their line numbers):
    /// arXiv when every id is an arXiv id, DOI when every id is a DOI, plain otherwise, with a note saying why when the
    /// sample held some identifiers but not only one kind (the user likely meant them and should know they were not used).
    /// </summary>
    public static (EdgeIdKind Kind, string? Note) Detect(IReadOnlyList<(int Line, string Citing, string Cited)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return (EdgeIdKind.Plain, null);
        }

        int arxiv = 0, doi = 0;
        (int Line, string Token)? firstOther = null;
        (int Line, string Token)? firstArxiv = null, firstDoi = null;
        foreach (var (line, citing, cited) in rows)
        {
            foreach (var token in (ReadOnlySpan<string>)[citing, cited])
            {
                if (Arxiv(token) is not null)
                {
                    arxiv++;
                    firstArxiv ??= (line, token);
                }
                else if (Doi(token) is not null)
                {
                    doi++;
                    firstDoi ??= (line, token);
                }
                else
                {
                    firstOther ??= (line, token);
                }
            }
        }

        var ids = rows.Count * 2;
        if (arxiv == ids)
        {
            return (EdgeIdKind.Arxiv, $"ids read as arXiv ids (all {ids:N0} ids of the first {rows.Count:N0} edges are)");
        }

        if (doi == ids)
        {
            return (EdgeIdKind.Doi, $"ids read as DOIs (all {ids:N0} ids of the first {rows.Count:N0} edges are)");
        }

        if (arxiv + doi == 0)
        {
            return (EdgeIdKind.Plain, null);
        }

        var why = firstOther is { } other
            ? $"line {other.Line}: '{other.Token}' is neither an arXiv id nor a DOI"
            : $"arXiv ids (line {firstArxiv!.Value.Line}: '{firstArxiv.Value.Token}') and DOIs (line {firstDoi!.Value.Line}: '{firstDoi.Value.Token}') are mixed";
        return (EdgeIdKind.Plain,
            $"ids read as plain node ids of this file, not as paper identifiers: {arxiv + doi:N0} of the first {ids:N0} ids are arXiv ids or DOIs, but {why}; " +
            "give --id-kind arxiv or --id-kind doi to attach citations to papers (lines whose ids are not of that kind are then rejected)");
    }

    // New style YYMM.NNNN(N) or old style archive(.SUBJ)/YYMMNNN, optionally arXiv:-prefixed or an abs/pdf URL, optionally versioned.
    [GeneratedRegex(@"^(?:(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/|arxiv:)?(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/\d{7})(?:v\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeArxiv();

    [GeneratedRegex(@"^(?:doi:|(?:https?://)?(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeDoi();
}
