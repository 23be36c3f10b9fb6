using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class CommunityHierarchyTests
{
    /// <summary>
    /// Four fields of 60 nodes, each made of three subfields of 20: dense inside a subfield (p 0.5), sparser across the
    /// subfields of a field (p 0.06), and a few random links across fields.
    /// </summary>
    private static (CsrGraph Graph, int[] Field, int[] Subfield) Nested(int seed)
    {
        var random = new Random(seed);
        const int n = 240;
        var sources = new List<int>();
        var targets = new List<int>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var p = i / 20 == j / 20 ? 0.5 : i / 60 == j / 60 ? 0.06 : 0.002;
                if (random.NextDouble() < p)
                {
                    sources.Add(i);
                    targets.Add(j);
                }
            }
        }

        var graph = CsrGraph.FromEdges(n, sources.ToArray(), targets.ToArray());
        return (graph, Enumerable.Range(0, n).Select(v => v / 60).ToArray(), Enumerable.Range(0, n).Select(v => v / 20).ToArray());
    }

    [Theory]
    [InlineData("leiden")]
    [InlineData("louvain")]
    public void Levels_nest_coarse_to_fine_with_ids_unique_across_levels(string algorithm)
    {
        var (graph, _, subfield) = Nested(seed: 7);

        var hierarchy = CommunityHierarchy.Compute(graph, g => algorithm == "leiden" ? Leiden.Compute(g) : Louvain.Compute(g));

        Assert.True(hierarchy.Levels.Count >= 2);
        Assert.Equal(hierarchy.Top.CommunityCount, hierarchy.Levels[0].Distinct().Count());
        for (var level = 1; level < hierarchy.Levels.Count; level++)
        {
            var above = hierarchy.Levels[level - 1];
            var here = hierarchy.Levels[level];
            // Every community of a level lies inside one community of the level above, and ids never repeat across levels.
            Assert.All(here.Select((c, v) => (c, v)).GroupBy(x => x.c), g => Assert.Single(g.Select(x => above[x.v]).Distinct()));
            Assert.Empty(here.Distinct().Intersect(above.Distinct()));
            Assert.True(here.Distinct().Count() > above.Distinct().Count());
        }

        // The finest level separates the twelve subfields: no community mixes two of them.
        var finest = hierarchy.Levels[^1];
        Assert.All(finest.Select((c, v) => (c, v)).GroupBy(x => x.c), g => Assert.Single(g.Select(x => subfield[x.v]).Distinct()));
    }

    [Fact]
    public void Level_zero_ids_number_communities_from_the_largest()
    {
        var (graph, _, _) = Nested(seed: 11);

        var level = CommunityHierarchy.Compute(graph, g => Leiden.Compute(g)).Levels[0];

        var sizes = level.GroupBy(c => c).OrderBy(g => g.Key).Select(g => g.Count()).ToList();
        Assert.Equal(Enumerable.Range(0, sizes.Count), level.Distinct().Order());
        Assert.Equal(sizes.OrderDescending(), sizes);
    }

    [Fact]
    public void Communities_below_the_split_size_are_their_own_child()
    {
        // Two cliques of 10: too small to split, so the hierarchy stops at one level.
        var sources = new List<int>();
        var targets = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            for (var j = i + 1; j < 20; j++)
            {
                if (i / 10 == j / 10)
                {
                    sources.Add(i);
                    targets.Add(j);
                }
            }
        }

        var hierarchy = CommunityHierarchy.Compute(CsrGraph.FromEdges(20, sources.ToArray(), targets.ToArray()), g => Leiden.Compute(g));

        Assert.Single(hierarchy.Levels);
        Assert.Equal(2, hierarchy.Levels[0].Distinct().Count());
    }
    [Fact]
    public void An_induced_subgraph_is_row_for_row_the_symmetrized_graph_of_its_arcs()
    {
        // Weighted with reciprocal pairs, so the undirected view merges some edges: the rows the hierarchy reads.
        var undirected = TestGraphs.Random(500, 4000, seed: 24, weighted: true).ToUndirected();
        var nodes = Enumerable.Range(0, 500).Where(v => v % 3 != 1).ToList();
        var local = Enumerable.Repeat(-1, 500).ToArray();

        var induced = CommunityHierarchy.Induced(undirected, nodes, local);

        // The reference: each edge inside once, from its lower position, symmetrized by ToUndirected.
        var position = nodes.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var (sources, targets, weights) = (new List<int>(), new List<int>(), new List<float>());
        for (var i = 0; i < nodes.Count; i++)
        {
            var neighbours = undirected.OutNeighbors(nodes[i]);
            var w = undirected.OutWeights(nodes[i]);
            for (var e = 0; e < neighbours.Length; e++)
            {
                if (position.TryGetValue(neighbours[e], out var j) && j > i)
                {
                    sources.Add(i);
                    targets.Add(j);
                    weights.Add(w[e]);
                }
            }
        }

        var reference = CsrGraph.FromEdges(nodes.Count, sources.ToArray(), targets.ToArray(), weights.ToArray()).ToUndirected();
        Assert.True(induced.IsUndirected);
        Assert.Equal(reference.NodeCount, induced.NodeCount);
        for (var v = 0; v < nodes.Count; v++)
        {
            Assert.Equal(reference.OutNeighbors(v).ToArray(), induced.OutNeighbors(v).ToArray());
            Assert.Equal(reference.OutWeights(v).ToArray(), induced.OutWeights(v).ToArray());
        }

        Assert.All(local, p => Assert.Equal(-1, p));
    }
}
