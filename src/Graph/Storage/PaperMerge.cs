using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// Merges what several sources say about one paper into its stored view. The result does not depend on the order the
/// sources arrived in, so loads are repeatable: the most complete value wins (longest text, most complete date,
/// highest upvote count), ties are broken by ordinal comparison. Records of id-only formats (format names ending in
/// <c>-ids</c>: edge lists carry a node id, no title) give the title only when no other source has one.
/// </summary>
public static class PaperMerge
{
    /// <summary>Format names ending with this suffix carry an id where the title should be (e.g. <c>edgelist-ids</c>).</summary>
    public const string IdOnlyFormatSuffix = "-ids";

    /// <summary>Merges records already resolved to the same paper id.</summary>
    public static Paper Merge(string id, IReadOnlyCollection<PaperRecord> records)
    {
        ArgumentOutOfRangeException.ThrowIfZero(records.Count);
        var published = records.Where(r => r.Published is not null).Select(r => r.Published!.Value)
            .OrderByDescending(d => d.Completeness).ThenBy(d => d.ToString(), StringComparer.Ordinal)
            .Cast<PartialDate?>().FirstOrDefault();
        return new Paper
        {
            Id = id,
            Title = Longest(records.Where(r => !r.Source.Format.EndsWith(IdOnlyFormatSuffix, StringComparison.Ordinal)).Select(r => r.Title))
                ?? Longest(records.Select(r => r.Title))!,
            Abstract = Longest(records.Select(r => r.Abstract)),
            Published = published?.ToString(),
            Year = published?.Year ?? records.Select(r => r.Year).Max(),
            AuthorsCount = records.Select(r => r.AuthorsCount).Max(),
            Organization = Longest(records.Select(r => r.Organization)),
            Upvotes = records.Select(r => r.Upvotes).Max(),
            ArxivId = records.Select(r => r.ArxivId).Where(a => a is not null).Order(StringComparer.Ordinal).FirstOrDefault(),
            Doi = records.Select(r => r.Doi).Where(d => d is not null).Order(StringComparer.Ordinal).FirstOrDefault(),
        };
    }

    private static string? Longest(IEnumerable<string?> values) => values
        .Where(v => !string.IsNullOrWhiteSpace(v))
        .OrderByDescending(v => v!.Length).ThenBy(v => v, StringComparer.Ordinal)
        .FirstOrDefault();
}
