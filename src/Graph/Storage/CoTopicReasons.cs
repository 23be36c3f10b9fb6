using System.Text.Json;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// How a store keeps a CO_TOPIC edge's reasons as text: a JSON array of <c>{"topic", "weight"}</c>, best first, the
/// weight being what the shared topic contributed to the edge's weight. Arrays of plain names (written before the
/// weights existed) still read, each with the edge's weight.
/// </summary>
public static class CoTopicReasons
{
    /// <summary>The kind every co-topic reason has.</summary>
    public const string Kind = "CO_TOPIC";

    /// <summary>The JSON of a row's reasons.</summary>
    public static string ToJson(CoTopicRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Serialize(row.Reasons.Select((name, i) => new Entry(name, i < row.ReasonWeights.Count ? row.ReasonWeights[i] : row.Weight)));
    }

    /// <summary>The reasons stored as <paramref name="json"/> on an edge of weight <paramref name="edgeWeight"/>.</summary>
    public static IReadOnlyList<CoTopicReason> FromJson(string json, double edgeWeight)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String
                ? new CoTopicReason(Kind, e.GetString()!, edgeWeight)
                : new CoTopicReason(Kind, e.GetProperty("topic").GetString()!, e.GetProperty("weight").GetDouble()))
            .ToArray();
    }

    /// <summary>
    /// The evidence text of a CO_TOPIC edge: its shared topics with what each contributed, e.g.
    /// <c>shares topics: diffusion models 0.21, video generation 0.12</c>.
    /// </summary>
    public static string Describe(IReadOnlyList<CoTopicReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return "shares topics: " + string.Join(", ", reasons.Select(r => $"{r.Text} {r.Weight.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    private sealed record Entry(
        [property: System.Text.Json.Serialization.JsonPropertyName("topic")] string Topic,
        [property: System.Text.Json.Serialization.JsonPropertyName("weight")] double Weight);
}
