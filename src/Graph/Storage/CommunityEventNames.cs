using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>How stores keep a <see cref="CommunityEvent"/>: its kind as an upper-case name, its related communities as JSON <c>[[id, jaccard], …]</c>.</summary>
public static class CommunityEventNames
{
    /// <summary>The stored name of <paramref name="kind"/> (<c>BORN</c>, <c>MERGED</c>, …).</summary>
    public static string Name(CommunityEventKind kind) => kind.ToString().ToUpperInvariant();

    /// <summary>The kind a stored name names.</summary>
    /// <exception cref="FormatException">The name is no kind.</exception>
    public static CommunityEventKind Parse(string name) =>
        Enum.TryParse<CommunityEventKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new FormatException($"'{name}' is no community event kind.");

    /// <summary>The JSON of <paramref name="related"/>.</summary>
    public static string RelatedJson(IReadOnlyList<CommunityOverlap> related)
    {
        ArgumentNullException.ThrowIfNull(related);
        return JsonSerializer.Serialize(related.Select(r => new[] { r.Community, Math.Round(r.Jaccard, 6) }));
    }

    /// <summary>The related communities stored as <paramref name="json"/>.</summary>
    public static IReadOnlyList<CommunityOverlap> RelatedFromJson(string? json) =>
        string.IsNullOrEmpty(json)
            ? []
            : (JsonSerializer.Deserialize<double[][]>(json) ?? []).Where(p => p.Length == 2)
                .Select(p => new CommunityOverlap(Convert.ToInt32(p[0], CultureInfo.InvariantCulture), p[1])).ToArray();
}
