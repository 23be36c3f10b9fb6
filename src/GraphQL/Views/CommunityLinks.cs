using CiteGraph.Graph.Snapshot;

namespace CiteGraph.GraphQL.Views;

/// <summary>Links between two communities: citations either way and co-topic links between their papers.</summary>
/// <param name="Source">The lower community number.</param>
/// <param name="Target">The higher community number.</param>
/// <param name="Citations">Citations (explicit or inferred, either direction) from a paper of one to a paper of the other.</param>
/// <param name="CoTopic">Co-topic links between a paper of one and a paper of the other.</param>
public sealed record CommunityLinkView(int Source, int Target, int Citations, int CoTopic);

/// <summary>Counts the links between every pair of (level 0) communities from the snapshot, for the communities map.</summary>
internal static class CommunityLinks
{
    /// <summary>
    /// Pairs of communities with at least one link, most links (citations plus co-topic links) first, the
    /// <paramref name="first"/> of them; with <paramref name="among"/>, only pairs of those communities.
    /// </summary>
    public static IReadOnlyList<CommunityLinkView> Count(GraphSnapshot snapshot, int first, IReadOnlySet<int>? among = null)
    {
        var citations = new Dictionary<(int, int), int>();
        var coTopic = new Dictionary<(int, int), int>();
        for (var paper = 0; paper < snapshot.PaperCount; paper++)
        {
            if (snapshot.Community(paper) is not { } from || (among is not null && !among.Contains(from)))
            {
                continue;
            }

            foreach (var cited in snapshot.Citations.OutNeighbors(paper))
            {
                Add(citations, from, snapshot.Community(cited), among);
            }

            // The co-topic graph is symmetric: each pair is counted from its lower end only.
            foreach (var other in snapshot.CoTopic.OutNeighbors(paper))
            {
                if (other > paper)
                {
                    Add(coTopic, from, snapshot.Community(other), among);
                }
            }
        }

        return citations.Keys.Union(coTopic.Keys)
            .Select(k => new CommunityLinkView(k.Item1, k.Item2, citations.GetValueOrDefault(k), coTopic.GetValueOrDefault(k)))
            .OrderByDescending(l => l.Citations + l.CoTopic)
            .ThenBy(l => l.Source)
            .ThenBy(l => l.Target)
            .Take(first)
            .ToList();
    }

    private static void Add(Dictionary<(int, int), int> counts, int from, int? to, IReadOnlySet<int>? among)
    {
        if (to is not { } other || other == from || (among is not null && !among.Contains(other)))
        {
            return;
        }

        var key = from < other ? (from, other) : (other, from);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
