using System.Xml.Linq;
using CiteGraph.Graph.Export;

namespace CiteGraph.Graph.Tests.Export;

/// <summary>How GraphML and GEXF declare direction: from the edges written, per edge only when directions mix.</summary>
public sealed class ExportDirectionTests
{
    private static readonly ExportNode[] Nodes = [Node("P1"), Node("P2"), Node("P3")];

    private static readonly ExportEdge Cites = new("P2", "P1", ExportEdgeKinds.Cites, 1, null, null);
    private static readonly ExportEdge Inferred = new("P3", "P1", ExportEdgeKinds.CitesInferred, 0.7, "as in P1", null);
    private static readonly ExportEdge Repo = new("P1", "P3", ExportEdgeKinds.SharedRepo, 1, null, "https://github.com/a/b");
    private static readonly ExportEdge CoTopic = new("P2", "P3", ExportEdgeKinds.CoTopic, 0.4, null, null);

    public static TheoryData<ExportEdge[], string> Graphs => new()
    {
        { [Cites, Inferred], "directed" },
        { [Repo, CoTopic], "undirected" },
        { [], "directed" },
    };

    private static ExportNode Node(string id) => new(id, "Paper " + id, 2024, null, null, null, false, false, null, null, []);

    private static XDocument Write(Action<ExportGraph, Stream> writer, params ExportEdge[] edges)
    {
        using var stream = new MemoryStream();
        writer(new ExportGraph(Nodes, edges, false), stream);
        stream.Position = 0;
        return XDocument.Load(stream);
    }

    private static XDocument GraphML(params ExportEdge[] edges) => Write((g, s) => GraphMLWriter.Write(g, s), edges);

    private static XDocument Gexf(params ExportEdge[] edges) => Write((g, s) => GexfWriter.Write(g, s), edges);

    [Theory]
    [MemberData(nameof(Graphs))]
    public void GraphML_of_one_direction_declares_it_once_and_marks_no_edge(ExportEdge[] edges, string direction)
    {
        XNamespace g = GraphMLWriter.Namespace;
        var doc = GraphML(edges);

        Assert.Equal(direction, (string?)doc.Descendants(g + "graph").Single().Attribute("edgedefault"));
        Assert.Equal(edges.Length, doc.Descendants(g + "edge").Count());
        Assert.All(doc.Descendants(g + "edge"), e => Assert.Null(e.Attribute("directed")));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void GEXF_of_one_direction_declares_it_once_and_types_no_edge(ExportEdge[] edges, string direction)
    {
        XNamespace g = GexfWriter.Namespace;
        var doc = Gexf(edges);

        Assert.Equal(direction, (string?)doc.Descendants(g + "graph").Single().Attribute("defaultedgetype"));
        Assert.Equal(edges.Length, doc.Descendants(g + "edge").Count());
        Assert.All(doc.Descendants(g + "edge"), e => Assert.Null(e.Attribute("type")));
    }

    [Fact]
    public void Mixed_graph_is_directed_and_marks_each_undirected_edge()
    {
        XNamespace graphml = GraphMLWriter.Namespace;
        XNamespace gexf = GexfWriter.Namespace;
        var g = GraphML(Cites, Repo, Inferred, CoTopic);
        var x = Gexf(Cites, Repo, Inferred, CoTopic);

        Assert.Equal("directed", (string?)g.Descendants(graphml + "graph").Single().Attribute("edgedefault"));
        Assert.Equal([null, "false", null, "false"], g.Descendants(graphml + "edge").Select(e => (string?)e.Attribute("directed")));
        Assert.Equal("directed", (string?)x.Descendants(gexf + "graph").Single().Attribute("defaultedgetype"));
        Assert.Equal([null, "undirected", null, "undirected"], x.Descendants(gexf + "edge").Select(e => (string?)e.Attribute("type")));
    }
}
