using System.Text.Json;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>How a store keeps <see cref="Topic.ByYear"/> as text: a JSON array of <c>[year, papers]</c> pairs, oldest first.</summary>
public static class TopicYears
{
    /// <summary>The JSON of a topic's papers per year.</summary>
    public static string ToJson(IReadOnlyList<TopicYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return JsonSerializer.Serialize(years.Select(y => new[] { y.Year, y.Papers }));
    }

    /// <summary>The papers per year stored as <paramref name="json"/>.</summary>
    public static IReadOnlyList<TopicYear> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : (JsonSerializer.Deserialize<int[][]>(json) ?? []).Where(p => p.Length == 2).Select(p => new TopicYear(p[0], p[1])).ToArray();
}
