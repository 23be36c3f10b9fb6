using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Traversal;

public sealed class PathFinderTests
{
    [Fact]
    public void Finds_the_shortest_path_first_then_longer_loopless_ones()
    {
        var g = TinyGraph.Build("A B C D E", ["A>B", "B>C", "C>E", "A>D", "D>E", "B>E"]);
        var paths = PathFinder.Connect(g, g.I("A"), g.I("E"), 6, EdgeFilter.All, 5);
        var shown = paths.Select(p => string.Join("-", p.Nodes.Select(g.N))).ToList();
        Assert.Equal(2, paths[0].Length);
        Assert.Equal(paths.Select(p => p.Length).Order(), paths.Select(p => p.Length));
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Contains("A-B-C-E", shown);
        Assert.All(paths, p => Assert.Equal(p.Nodes.Count, p.Nodes.Distinct().Count()));
    }

    [Fact]
    public void Follows_citations_against_their_direction_and_shared_repositories()
    {
        var g = TinyGraph.Build("A B C", ["B>A"], repos: [("https://github.com/o/r", ["B", "C"])]);
        var path = Assert.Single(PathFinder.Connect(g, g.I("A"), g.I("C"), 6, EdgeFilter.All, 3));
        Assert.Equal(["A", "B", "C"], path.Nodes.Select(g.N));
        Assert.Equal(EdgeKinds.SharedRepo, path.Edges[1].Kind);
        Assert.Equal("https://github.com/o/r", path.Edges[1].Via);
        Assert.Empty(PathFinder.Connect(g, g.I("A"), g.I("C"), 6, new EdgeFilter(EdgeKinds.Citations), 3));
    }

    [Fact]
    public void Respects_max_length()
    {
        var g = TinyGraph.Build("A B C D", ["A>B", "B>C", "C>D"]);
        Assert.Empty(PathFinder.Connect(g, g.I("A"), g.I("D"), 2, EdgeFilter.All, 3));
        Assert.Single(PathFinder.Connect(g, g.I("A"), g.I("D"), 3, EdgeFilter.All, 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Path_lengths_match_an_exhaustive_search_on_random_graphs(int seed)
    {
        var random = new Random(seed);
        const int n = 12;
        var names = string.Join(' ', Enumerable.Range(0, n).Select(i => $"N{i}"));
        var edges = Enumerable.Range(0, 22).Select(_ => (random.Next(n), random.Next(n))).Where(e => e.Item1 != e.Item2).Distinct().ToList();
        var g = TinyGraph.Build(names, edges.Select(e => $"N{e.Item1}>N{e.Item2}").ToArray());
        var adjacency = Enumerable.Range(0, n).Select(i => edges.Where(e => e.Item1 == i).Select(e => e.Item2)
            .Concat(edges.Where(e => e.Item2 == i).Select(e => e.Item1)).Distinct().ToList()).ToList();

        for (var to = 1; to < n; to++)
        {
            var all = new List<int>();
            void Dfs(int node, HashSet<int> onPath, int length)
            {
                if (node == to)
                {
                    all.Add(length);
                    return;
                }

                if (length == 5)
                {
                    return;
                }

                foreach (var next in adjacency[node].Where(x => !onPath.Contains(x)))
                {
                    onPath.Add(next);
                    Dfs(next, onPath, length + 1);
                    onPath.Remove(next);
                }
            }

            Dfs(0, [0], 0);
            var found = PathFinder.Connect(g, g.I("N0"), g.I($"N{to}"), 5, EdgeFilter.All, 4);
            Assert.Equal(all.Order().Take(4), found.Select(p => p.Length));
            Assert.Equal(found.Count, found.Select(p => string.Join(',', p.Nodes)).Distinct().Count());
            Assert.All(found, p =>
            {
                Assert.Equal(p.Nodes.Count, p.Nodes.Distinct().Count());
                Assert.Equal((g.I("N0"), g.I($"N{to}")), (p.Nodes[0], p.Nodes[^1]));
                for (var i = 0; i + 1 < p.Nodes.Count; i++)
                {
                    Assert.Contains(p.Nodes[i + 1], adjacency[p.Nodes[i]]);
                }
            });
        }
    }
}
