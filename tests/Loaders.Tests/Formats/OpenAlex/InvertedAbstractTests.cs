using System.Text.Json;
using System.Text.Json.Nodes;
using CiteGraph.Loaders.Formats.OpenAlex;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CiteGraph.Loaders.Tests.Formats.OpenAlex;

public class InvertedAbstractTests
{
    /// <summary>The index read the plain way: every word's name, a sorted map of position → word, the later word winning.</summary>
    private static string? Reference(JsonElement index)
    {
        var positions = new SortedDictionary<int, string>();
        foreach (var word in index.EnumerateObject())
        {
            if (word.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var position in word.Value.EnumerateArray())
            {
                if (position.ValueKind == JsonValueKind.Number && position.TryGetInt32(out var p) && p >= 0)
                {
                    positions[p] = word.Name;
                }
            }
        }

        return positions.Count == 0 ? null : string.Join(' ', positions.Values);
    }

    private static readonly string[] Words = ["a", "the", "model", "naïve", "\"quoted\"", "back\\slash", "日本語", "emoji😀", "tab\there", "x"];

    public static Arbitrary<string> Indexes() => Gen.ListOf(
            from word in Gen.Elements(Words)
            from positions in Gen.ListOf(Gen.Choose(-2, 40))
            from asArray in Gen.Elements(true, true, true, false)
            select (word, positions, asArray))
        .Select(entries =>
        {
            var index = new JsonObject();
            foreach (var (word, positions, asArray) in entries)
            {
                index[word + index.Count % 3] = asArray ? new JsonArray(positions.Select(p => (JsonNode)p).ToArray()) : JsonValue.Create("not positions");
            }

            // Half the documents escape every non-ASCII character, as Python's json.dumps does by default.
            return index.ToJsonString(new JsonSerializerOptions
            {
                Encoder = entries.Count % 2 == 0
                ? System.Text.Encodings.Web.JavaScriptEncoder.Default
                : System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
            });
        })
        .ToArbitrary();

    [Property(MaxTest = 400, Arbitrary = [typeof(InvertedAbstractTests)])]
    public bool Rebuilds_the_text_a_position_map_would(string json)
    {
        using var document = JsonDocument.Parse(json);
        return InvertedAbstract.Rebuild(document.RootElement) == Reference(document.RootElement);
    }

    [Fact]
    public void A_word_at_a_great_many_positions_is_written_at_each()
    {
        var positions = string.Join(',', Enumerable.Range(0, 5000));
        using var document = JsonDocument.Parse($$"""{"supercalifragilistic":[{{positions}}],"é":[5000]}""");

        var text = InvertedAbstract.Rebuild(document.RootElement)!;

        Assert.Equal(5001, text.Split(' ').Length);
        Assert.EndsWith("supercalifragilistic é", text);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"word":[]}""")]
    [InlineData("""{"word":[-1]}""")]
    [InlineData("""[]""")]
    public void An_index_with_no_placed_word_has_no_text(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Null(InvertedAbstract.Rebuild(document.RootElement));
    }
}
