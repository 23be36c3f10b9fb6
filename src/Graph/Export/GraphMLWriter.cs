using System.Xml;

namespace CiteGraph.Graph.Export;

/// <summary>
/// Writes GraphML (http://graphml.graphdrawing.org/): typed <c>key</c> declarations and one graph whose
/// <c>edgedefault</c> follows its edges (<see cref="ExportGraph.Directed"/>). Citations are directed; shared repositories
/// and topics are not, and only when both sit in one graph do those say <c>directed="false"</c>. Gephi, Cytoscape, yEd
/// and igraph open any export; NetworkX one without that mix (it refuses <c>directed="false"</c> in a directed graph),
/// e.g. citations only.
/// </summary>
public static class GraphMLWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private static readonly (string Id, string For, string Type)[] Keys =
    [
        ("label", "node", "string"), ("year", "node", "int"), ("published", "node", "string"), ("community", "node", "int"),
        ("pageRank", "node", "double"), ("seed", "node", "boolean"), ("stub", "node", "boolean"), ("arxivId", "node", "string"),
        ("doi", "node", "string"), ("repos", "node", "string"),
        ("kind", "edge", "string"), ("confidence", "edge", "double"), ("evidence", "edge", "string"), ("via", "edge", "string"),
    ];

    public static void Write(ExportGraph graph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var xml = XmlWriter.Create(output, XmlText.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        foreach (var (id, kind, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", kind);
            xml.WriteAttributeString("attr.name", id);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "citegraph");
        xml.WriteAttributeString("edgedefault", graph.Directed ? "directed" : "undirected");
        var mixed = graph.Mixed;
        foreach (var node in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            Data(xml, "label", XmlText.Clean(node.Label));
            Data(xml, "year", node.Year is { } y ? XmlText.Number(y) : null);
            Data(xml, "published", node.Published);
            Data(xml, "community", node.Community is { } c ? XmlText.Number(c) : null);
            Data(xml, "pageRank", node.PageRank is { } p ? XmlText.Number(p) : null);
            Data(xml, "seed", node.Seed ? "true" : "false");
            Data(xml, "stub", node.Stub ? "true" : "false");
            Data(xml, "arxivId", node.ArxivId);
            Data(xml, "doi", node.Doi);
            Data(xml, "repos", node.Repos.Count > 0 ? string.Join(' ', node.Repos) : null);
            xml.WriteEndElement();
        }

        var n = 0;
        foreach (var edge in graph.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + XmlText.Number(n++));
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            if (mixed && !edge.Directed)
            {
                xml.WriteAttributeString("directed", "false");
            }

            Data(xml, "kind", edge.Kind);
            Data(xml, "confidence", XmlText.Number(edge.Confidence));
            Data(xml, "evidence", edge.Evidence is null ? null : XmlText.Clean(edge.Evidence));
            Data(xml, "via", edge.Via);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
