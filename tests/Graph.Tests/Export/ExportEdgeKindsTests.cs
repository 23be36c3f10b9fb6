using CiteGraph.Graph.Export;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Export;

public sealed class ExportEdgeKindsTests
{
    [Theory]
    [InlineData(EdgeKinds.Cites, "cites")]
    [InlineData(EdgeKinds.Citations, "cites,cites-inferred")]
    [InlineData(EdgeKinds.Citations, "cites", "cites-inferred")]
    [InlineData(EdgeKinds.SharedRepo | EdgeKinds.CoTopic, " shared-repo , co-topic ", "co-topic")]
    [InlineData(EdgeKinds.All, "CITES", "CITES_INFERRED,SHARED_REPO", "Co_Topic")]
    [InlineData(EdgeKinds.All)]
    [InlineData(EdgeKinds.All, "", " , ")]
    public void TryParse_takes_comma_separated_repeated_and_GraphQL_spelled_names_and_defaults_to_all(EdgeKinds expected, params string[] values)
    {
        Assert.True(ExportEdgeKinds.TryParse(values, out var kinds, out var unknown));
        Assert.Equal((expected, null), (kinds, unknown));
    }

    [Theory]
    [InlineData("inferred", "cites,inferred")]
    [InlineData("citations", "citations")]
    [InlineData("cotopic", "cites", "cotopic")]
    public void TryParse_names_the_first_unknown_kind(string expected, params string[] values)
    {
        Assert.False(ExportEdgeKinds.TryParse(values, out var kinds, out var unknown));
        Assert.Equal((EdgeKinds.None, expected), (kinds, unknown));
    }

    [Fact]
    public void UnknownMessage_lists_every_valid_name()
    {
        var message = ExportEdgeKinds.UnknownMessage("cotopic");
        Assert.Contains("'cotopic'", message, StringComparison.Ordinal);
        Assert.Equal(["cites", "cites-inferred", "shared-repo", "co-topic"], ExportEdgeKinds.OptionNames);
        Assert.All(ExportEdgeKinds.OptionNames, name => Assert.Contains(name, message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(EdgeKinds.Cites, ExportEdgeKinds.Cites, true)]
    [InlineData(EdgeKinds.CitesInferred, ExportEdgeKinds.CitesInferred, true)]
    [InlineData(EdgeKinds.SharedRepo, ExportEdgeKinds.SharedRepo, false)]
    [InlineData(EdgeKinds.CoTopic, ExportEdgeKinds.CoTopic, false)]
    public void Every_kind_has_a_file_name_and_a_direction(EdgeKinds kind, string name, bool directed)
    {
        Assert.Equal(name, ExportEdgeKinds.NameOf(kind));
        Assert.Equal(directed, ExportEdgeKinds.IsDirected(name));
        Assert.True(ExportEdgeKinds.TryParse([name], out var parsed, out _));
        Assert.Equal(kind, parsed);
    }
}
