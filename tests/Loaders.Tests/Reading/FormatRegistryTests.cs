using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Formats.SemanticScholar;
using CiteGraph.Loaders.Listings;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Reading;

public sealed class FormatRegistryTests
{
    [Fact]
    public void The_default_registry_finds_every_format_of_the_loaders_each_with_a_description()
    {
        var registry = FormatRegistry.Default;

        Assert.Equal(
            ["acl", "arxiv", "cora", "edgelist", "hf-json", "hf-listing", "node-dates", "openalex", "opencitations", "s2"],
            registry.Names.Order(StringComparer.Ordinal));
        Assert.All(registry.Formats, f => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", f.Name));
        Assert.All(registry.Formats, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), f.Name));
        Assert.Equal(registry.Names, FormatDetector.FormatNames);
    }

    [Theory]
    [InlineData("semantic-scholar", "s2")]
    [InlineData(" LISTING ", "hf-listing")]
    [InlineData("Coci", "opencitations")]
    [InlineData("snap", "edgelist")]
    public void An_alias_in_any_case_finds_its_format(string name, string expected)
    {
        Assert.Equal(expected, FormatRegistry.Default.Find(name)?.Name);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_known_names_and_the_nearest()
    {
        var problem = FormatRegistry.Default.UnknownFormat("opnealex");

        Assert.Null(FormatRegistry.Default.Find("opnealex"));
        Assert.StartsWith("unknown format 'opnealex'; known formats: hf-listing, hf-json, ", problem, StringComparison.Ordinal);
        Assert.EndsWith("; did you mean openalex?", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", FormatRegistry.Default.UnknownFormat("bibtex"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("semantic-scholar", typeof(S2PaperReader))]
    [InlineData("listing", typeof(ListingReader))]
    [InlineData("dates", typeof(NodeDatesReader))]
    public async Task A_format_forced_by_alias_builds_its_reader(string alias, Type expected)
    {
        var (reader, problem) = await FormatDetector.DetectAsync(
            TestFiles.Fixture("edges/Cit-Tiny.txt"), new ReadOptions(alias), TestContext.Current.CancellationToken);

        Assert.Null(problem);
        Assert.IsType(expected, reader);
    }

    [Fact]
    public async Task Forcing_an_unknown_format_says_which_was_meant()
    {
        var (reader, problem) = await FormatDetector.DetectAsync(
            TestFiles.Fixture("edges/Cit-Tiny.txt"), new ReadOptions("edgelst"), TestContext.Current.CancellationToken);

        Assert.Null(reader);
        Assert.EndsWith("did you mean edgelist?", problem, StringComparison.Ordinal);
    }
}
