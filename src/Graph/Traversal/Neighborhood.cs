using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Graph.Traversal;

/// <summary>The edges around a paper in a snapshot, filtered by kind and confidence.</summary>
internal static class Neighborhood
{
    /// <summary>Citations out of (<paramref name="outgoing"/>) and into (<paramref name="incoming"/>) a paper that pass the filter.</summary>
    public static void Citations(GraphSnapshot snapshot, int paper, EdgeFilter filter, bool outgoing, bool incoming, List<TraversalEdge> into)
    {
        if (!filter.FollowsCitations)
        {
            return;
        }

        if (outgoing)
        {
            foreach (var cited in snapshot.Citations.OutNeighbors(paper))
            {
                Add(snapshot, paper, cited, filter, into);
            }
        }

        if (incoming)
        {
            foreach (var citing in snapshot.Citations.InNeighbors(paper))
            {
                Add(snapshot, citing, paper, filter, into);
            }
        }
    }

    /// <summary>Every edge of the undirected view: citations both ways and, when allowed, papers sharing a repository.</summary>
    public static void Undirected(GraphSnapshot snapshot, int paper, EdgeFilter filter, List<TraversalEdge> into)
    {
        Citations(snapshot, paper, filter, outgoing: true, incoming: true, into);
        if (filter.FollowsCoTopic)
        {
            var neighbours = snapshot.CoTopic.OutNeighbors(paper);
            var weights = snapshot.CoTopic.OutWeights(paper);
            for (var i = 0; i < neighbours.Length; i++)
            {
                into.Add(new TraversalEdge(paper, neighbours[i], EdgeKinds.CoTopic, weights.IsEmpty ? 1.0 : weights[i], null));
            }
        }

        if (!filter.FollowsRepos)
        {
            return;
        }

        foreach (var repo in snapshot.ReposOf(paper))
        {
            foreach (var mate in snapshot.PapersOfRepo(repo))
            {
                if (mate != paper)
                {
                    into.Add(new TraversalEdge(paper, mate, EdgeKinds.SharedRepo, 1.0, null, snapshot.RepoUrl(repo)));
                }
            }
        }
    }

    /// <summary>The other end of an edge seen from <paramref name="paper"/>.</summary>
    public static int Other(in TraversalEdge edge, int paper) => edge.Source == paper ? edge.Target : edge.Source;

    private static void Add(GraphSnapshot snapshot, int citing, int cited, EdgeFilter filter, List<TraversalEdge> into)
    {
        var info = snapshot.Citation(citing, cited);
        if (filter.Allows(info))
        {
            into.Add(new TraversalEdge(citing, cited, info.Inferred ? EdgeKinds.CitesInferred : EdgeKinds.Cites, info.Confidence, info.Evidence));
        }
    }
}
