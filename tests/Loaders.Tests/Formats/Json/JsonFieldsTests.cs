using System.Text.Json;
using System.Text.RegularExpressions;
using CiteGraph.Loaders.Formats.Json;
using FsCheck.Xunit;

namespace CiteGraph.Loaders.Tests.Formats.Json;

public class JsonFieldsTests
{
    [Property(MaxTest = 500)]
    public bool Collapse_trims_and_joins_every_run_of_whitespace_into_one_space(string? text)
    {
        var expected = string.IsNullOrWhiteSpace(text) ? null : Regex.Replace(text.Trim(), @"\s+", " ");
        return JsonFields.Collapse(text) == expected;
    }

    [Theory]
    [InlineData("Attention Is All You Need")]
    [InlineData("a")]
    public void Collapse_gives_back_a_single_spaced_text_itself(string text) =>
        Assert.Same(text, JsonFields.Collapse(text));

    [Theory]
    [InlineData("""{"Title":"upper"}""", "upper")]
    [InlineData("""{"TITLE":"shouting"}""", "shouting")]
    [InlineData("""{"\u0054itle":"escaped name"}""", "escaped name")]
    [InlineData("""{"titles":"longer name","other":1}""", null)]
    [InlineData("""{"title":null}""", null)]
    public void A_property_is_found_whatever_the_case_of_its_name(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, document.RootElement.String("title"));
    }
}
