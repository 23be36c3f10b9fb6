using System.Text.Json;
using GraphQL;

namespace CiteGraph.GraphQL.Tests;

/// <summary><c>didYouMean</c> on the demo corpus: a misspelt search or topic name gets the corrected text and the nearest topics.</summary>
public sealed class DidYouMeanTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>
{
    private const string Query = """
        query($t: String!) {
          search(text: $t, first: 3) { paper { id } }
          topic(name: $t) { name }
          didYouMean(text: $t) { text corrected corrections { word suggestion } topics { name df } }
        }
        """;

    private async Task<JsonElement> AskAsync(string text)
    {
        var json = await demo.ExecuteAsync(Query, new Inputs(new Dictionary<string, object?> { ["t"] = text }));
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data");
    }

    [Fact]
    public async Task A_misspelt_text_that_finds_nothing_gets_the_corrected_text_that_finds_papers_and_the_topic()
    {
        var miss = await AskAsync("sparse latice atention");
        Assert.Equal(0, miss.GetProperty("search").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, miss.GetProperty("topic").ValueKind);

        var hint = miss.GetProperty("didYouMean");
        Assert.Equal("sparse lattice attention", hint.GetProperty("corrected").GetString());
        Assert.Equal([("latice", "lattice"), ("atention", "attention")],
            hint.GetProperty("corrections").EnumerateArray().Select(c => (c.GetProperty("word").GetString(), c.GetProperty("suggestion").GetString())));
        Assert.Equal("sparse lattice attention", hint.GetProperty("topics")[0].GetProperty("name").GetString());

        // Following the hint finds what the misspelling missed.
        var hit = await AskAsync(hint.GetProperty("corrected").GetString()!);
        Assert.True(hit.GetProperty("search").GetArrayLength() > 0);
        Assert.Equal("sparse lattice attention", hit.GetProperty("topic").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_topic_name_with_one_typo_gets_that_topic_first()
    {
        var hint = (await AskAsync("sparse lattice atention")).GetProperty("didYouMean");
        Assert.Equal("sparse lattice attention", hint.GetProperty("topics")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Known_words_are_not_corrected_and_nonsense_suggests_nothing()
    {
        var known = (await AskAsync("sparse lattice attention")).GetProperty("didYouMean");
        Assert.Equal(JsonValueKind.Null, known.GetProperty("corrected").ValueKind);
        Assert.Equal(0, known.GetProperty("corrections").GetArrayLength());

        var nonsense = (await AskAsync("qzxv wkpj")).GetProperty("didYouMean");
        Assert.Equal(JsonValueKind.Null, nonsense.GetProperty("corrected").ValueKind);
        Assert.Equal(0, nonsense.GetProperty("topics").GetArrayLength());
    }
}
