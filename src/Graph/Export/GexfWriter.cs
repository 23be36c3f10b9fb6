using System.Globalization;
using System.Xml;

namespace CiteGraph.Graph.Export;

/// <summary>
/// Writes GEXF 1.2 (https://gexf.net/): declared node and edge attributes, <c>viz:size</c> from PageRank and
/// <c>viz:color</c> from the community, citations directed and shared repositories and topics undirected. The
/// <c>defaultedgetype</c> follows the edges (<see cref="ExportGraph.Directed"/>); only edges against it, in a mixed graph,
/// carry a <c>type</c>. Gephi and Sigma.js/graphology open any export; NetworkX one that is not mixed, e.g. citations
/// only (NetworkX has no mixed graphs).
/// </summary>
/// <remarks>
/// The visual elements are written as <c>viz:color</c>/<c>viz:size</c> in the viz namespace. That is the GEXF 1.2
/// grammar (gexf.rnc includes viz.rnc with <c>inherit = viz</c>), Gephi's own samples, and what NetworkX looks up
/// (<c>{…/viz}color</c>). The published XSD declares them in the GEXF namespace instead (a conversion artefact); that
/// spelling would lose colours and sizes in NetworkX, so the tests check the viz form and validate the rest against the
/// published XSD (see tests/Host.Tests/GexfVizForm.cs) rather than write it.
/// </remarks>
public static class GexfWriter
{
    public const string Namespace = "http://www.gexf.net/1.2draft";
    public const string VizNamespace = "http://www.gexf.net/1.2draft/viz";

    private static readonly (string Title, string Type)[] NodeAttributes =
    [
        ("year", "integer"), ("published", "string"), ("community", "integer"), ("pageRank", "double"), ("seed", "boolean"),
        ("stub", "boolean"), ("arxivId", "string"), ("doi", "string"), ("repos", "liststring"),
    ];

    private static readonly (string Title, string Type)[] EdgeAttributes =
    [
        ("kind", "string"), ("confidence", "double"), ("evidence", "string"), ("via", "string"),
    ];

    public static void Write(ExportGraph graph, Stream output, DateTimeOffset? modified = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var xml = XmlWriter.Create(output, XmlText.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "viz", null, VizNamespace);
        xml.WriteAttributeString("version", "1.2");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteAttributeString("lastmodifieddate", (modified ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteElementString("creator", Namespace, "CiteGraph");
        xml.WriteElementString("description", Namespace, "Papers, their citations (explicit and inferred), shared code repositories and shared topics");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("mode", "static");
        xml.WriteAttributeString("defaultedgetype", graph.Directed ? "directed" : "undirected");
        Declare(xml, "node", NodeAttributes);
        Declare(xml, "edge", EdgeAttributes);

        var maxRank = graph.Nodes.Select(n => n.PageRank ?? 0).DefaultIfEmpty(0).Max();
        xml.WriteStartElement("nodes", Namespace);
        foreach (var node in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            xml.WriteAttributeString("label", XmlText.Clean(node.Label));
            AttValues(xml,
            [
                node.Year is { } y ? XmlText.Number(y) : null,
                node.Published,
                node.Community is { } c ? XmlText.Number(c) : null,
                node.PageRank is { } p ? XmlText.Number(p) : null,
                node.Seed ? "true" : "false",
                node.Stub ? "true" : "false",
                node.ArxivId,
                node.Doi,
                node.Repos.Count > 0 ? string.Join('|', node.Repos) : null,
            ]);
            var (r, g, b) = CommunityPalette.Of(node.Community);
            xml.WriteStartElement("viz", "color", VizNamespace);
            xml.WriteAttributeString("r", XmlText.Number(r));
            xml.WriteAttributeString("g", XmlText.Number(g));
            xml.WriteAttributeString("b", XmlText.Number(b));
            xml.WriteEndElement();
            xml.WriteStartElement("viz", "size", VizNamespace);
            var size = 4 + (maxRank > 0 ? 16 * Math.Sqrt((node.PageRank ?? 0) / maxRank) : 0);
            xml.WriteAttributeString("value", XmlText.Number(Math.Round(size, 3)));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("edges", Namespace);
        var mixed = graph.Mixed;
        var n = 0;
        foreach (var edge in graph.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + XmlText.Number(n++));
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            if (mixed && !edge.Directed)
            {
                xml.WriteAttributeString("type", "undirected");
            }

            xml.WriteAttributeString("label", edge.Kind);
            xml.WriteAttributeString("weight", XmlText.Number(edge.Confidence));
            AttValues(xml, [edge.Kind, XmlText.Number(edge.Confidence), edge.Evidence is null ? null : XmlText.Clean(edge.Evidence), edge.Via]);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Declare(XmlWriter xml, string kind, (string Title, string Type)[] attributes)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", kind);
        xml.WriteAttributeString("mode", "static");
        for (var i = 0; i < attributes.Length; i++)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", XmlText.Number(i));
            xml.WriteAttributeString("title", attributes[i].Title);
            xml.WriteAttributeString("type", attributes[i].Type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void AttValues(XmlWriter xml, string?[] values)
    {
        if (values.All(v => v is null))
        {
            return;
        }

        xml.WriteStartElement("attvalues", Namespace);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                xml.WriteStartElement("attvalue", Namespace);
                xml.WriteAttributeString("for", XmlText.Number(i));
                xml.WriteAttributeString("value", value);
                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
    }
}
