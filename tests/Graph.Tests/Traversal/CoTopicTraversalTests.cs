using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Traversal;

public sealed class CoTopicTraversalTests
{
    // A cites B; C lists A among its co-topic neighbours (one direction only, as top-k rows are stored); D is alone.
    private static readonly GraphSnapshot Graph = GraphSnapshot.Build(new SnapshotSource
    {
        PaperIds = ["A", "B", "C", "D"],
        Years = [int.MinValue, int.MinValue, int.MinValue, int.MinValue],
        IsStub = new bool[4],
        Communities = [-1, -1, -1, -1],
        PageRanks = [double.NaN, double.NaN, double.NaN, double.NaN],
        CitationSources = [0],
        CitationTargets = [1],
        Inferred = [],
        RepoUrls = [],
        RepoLinkPapers = [],
        RepoLinkRepos = [],
        CoTopicSources = [2],
        CoTopicTargets = [0],
        CoTopicWeights = [0.7f],
    });

    [Fact]
    public void Co_topic_links_are_followed_from_either_end_with_their_weight()
    {
        var fromA = Subgraph.Compute(Graph, [0], 1, 10, new EdgeFilter(EdgeKinds.CoTopic), 100);
        Assert.Equal([0, 2], fromA.Nodes);
        var edge = Assert.Single(fromA.Edges);
        Assert.Equal((EdgeKinds.CoTopic, 0.7), (edge.Kind, Math.Round(edge.Confidence, 5)));
        Assert.Equal([2, 0], Subgraph.Compute(Graph, [2], 1, 10, new EdgeFilter(EdgeKinds.CoTopic), 100).Nodes);
    }

    [Fact]
    public void Connect_crosses_co_topic_links_only_when_asked()
    {
        var path = Assert.Single(PathFinder.Connect(Graph, 1, 2, 6, EdgeFilter.All, 3));
        Assert.Equal([1, 0, 2], path.Nodes);
        Assert.Equal([EdgeKinds.Cites, EdgeKinds.CoTopic], path.Edges.Select(e => e.Kind));
        Assert.Empty(PathFinder.Connect(Graph, 1, 2, 6, new EdgeFilter(EdgeKinds.Citations | EdgeKinds.SharedRepo), 3));
        Assert.Empty(PathFinder.Connect(Graph, 0, 3, 6, EdgeFilter.All, 3));
    }
}
