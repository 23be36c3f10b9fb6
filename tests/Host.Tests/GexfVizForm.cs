using System.Xml.Linq;
using CiteGraph.Graph.Export;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The two spellings of GEXF's visual elements. The GEXF 1.2 grammar (gephi/gexf 1.2/gexf.rnc: <c>include "viz.rnc"
/// inherit = viz</c>, whose elements take the inherited namespace) puts <c>color</c>, <c>position</c>, <c>size</c>,
/// <c>thickness</c> and <c>shape</c> in the viz namespace, and that is what Gephi's own samples, NetworkX (it looks them up
/// as <c>{…/viz}color</c>) and our writer use. The published XSD, converted from that grammar, lost the namespace switch:
/// its data.xsd declares <c>ns1:color</c> etc. in the GEXF namespace with viz types, so it rejects <c>viz:color</c>, and
/// the form it accepts loses colours and sizes in NetworkX. To validate against the unmodified published XSD without
/// giving up the form tools read, a document is first checked to hold its viz elements exactly in the grammar's form,
/// then a copy with those elements renamed into the GEXF namespace (attributes and content untouched, so the viz types —
/// colour channels 0–255, sizes ≥ 0 — still check them) is validated.
/// </summary>
internal static class GexfVizForm
{
    private static readonly string[] NodeViz = ["color", "position", "size", "shape"];
    private static readonly string[] EdgeViz = ["color", "thickness", "shape"];

    private static XNamespace Gexf => GexfWriter.Namespace;

    private static XNamespace Viz => GexfWriter.VizNamespace;

    /// <summary>What keeps <paramref name="doc"/>'s viz elements from being exactly in the grammar's (Gephi's) form.</summary>
    public static List<string> Problems(XDocument doc)
    {
        var problems = new List<string>();
        foreach (var element in doc.Descendants())
        {
            var name = element.Name.LocalName;
            var parent = element.Parent?.Name;
            if (element.Name.Namespace == Viz && element.Parent?.Name.Namespace != Viz)
            {
                var allowed = parent == Gexf + "node" ? NodeViz : parent == Gexf + "edge" ? EdgeViz : [];
                if (!allowed.Contains(name))
                {
                    problems.Add($"viz:{name} inside {parent}");
                }
            }
            else if (element.Name.Namespace == Gexf && (NodeViz.Contains(name) || EdgeViz.Contains(name)))
            {
                problems.Add($"{name} in the GEXF namespace inside {parent} (the XSD's spelling, which NetworkX ignores); write viz:{name}");
            }
        }

        return problems;
    }

    /// <summary>A copy of <paramref name="doc"/> with node and edge viz elements in the GEXF namespace, as the published XSD declares them.</summary>
    public static string InPublishedXsdForm(XDocument doc)
    {
        var copy = new XDocument(doc);
        foreach (var element in copy.Descendants().Where(e => e.Name.Namespace == Viz && (e.Parent?.Name == Gexf + "node" || e.Parent?.Name == Gexf + "edge")).ToList())
        {
            element.Name = Gexf + element.Name.LocalName;
        }

        return copy.ToString();
    }
}
