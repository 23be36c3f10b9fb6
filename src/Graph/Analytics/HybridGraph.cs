using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Joins graph layers over the same papers into one weighted graph for community detection. Each layer's weights are
/// scaled to mean 1 first (a citation counts 1, as does a co-topic or semantic link of its layer's average strength), so
/// no layer dominates by its units, and a pair linked by several layers weighs their sum: agreement counts.
/// </summary>
public static class HybridGraph
{
    /// <summary>The layers over <paramref name="nodeIds"/>; a layer's nodes are matched to them by id.</summary>
    public static CsrGraph Join(string[] nodeIds, IEnumerable<EdgeList> layers)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        ArgumentNullException.ThrowIfNull(layers);
        var index = new Dictionary<string, int>(nodeIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < nodeIds.Length; i++)
        {
            index[nodeIds[i]] = i;
        }

        var sources = new List<int>();
        var targets = new List<int>();
        var weights = new List<float>();
        foreach (var layer in layers)
        {
            var same = ReferenceEquals(layer.NodeIds, nodeIds);
            double total = 0;
            for (var e = 0; e < layer.EdgeCount; e++)
            {
                total += layer.Weights?[e] ?? 1f;
            }

            var scale = layer.EdgeCount == 0 || total <= 0 ? 1.0 : layer.EdgeCount / total;
            for (var e = 0; e < layer.EdgeCount; e++)
            {
                int s = layer.Sources[e], t = layer.Targets[e];
                if (!same && (!index.TryGetValue(layer.NodeIds[s], out s) || !index.TryGetValue(layer.NodeIds[t], out t)))
                {
                    // A paper added between the layers' reads: it joins at the next run.
                    continue;
                }

                var w = (layer.Weights?[e] ?? 1f) * scale;
                if (w > 0)
                {
                    sources.Add(s);
                    targets.Add(t);
                    weights.Add((float)w);
                }
            }
        }

        return CsrGraph.FromEdges(nodeIds.Length, sources.ToArray(), targets.ToArray(), weights.ToArray());
    }

    /// <summary>Nodes with at least one edge of <paramref name="edges"/>, either way.</summary>
    public static int LinkedNodes(EdgeList edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var linked = new bool[edges.NodeCount];
        for (var e = 0; e < edges.EdgeCount; e++)
        {
            linked[edges.Sources[e]] = true;
            linked[edges.Targets[e]] = true;
        }

        return linked.Count(l => l);
    }
}
