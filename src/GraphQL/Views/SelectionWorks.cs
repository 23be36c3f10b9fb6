using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;

namespace CiteGraph.GraphQL.Views;

/// <summary>A paper the selection builds on (prior work) or that builds on it (derivative work), with how strongly.</summary>
/// <param name="Paper">The paper.</param>
/// <param name="Links">How many papers of the selection cite it (prior) or it cites (derivative).</param>
/// <param name="Selection">The ids of those papers of the selection.</param>
/// <param name="InSelection">Whether the paper is itself one of the selection.</param>
public sealed record SelectionWorkView(Paper Paper, int Links, IReadOnlyList<string> Selection, bool InSelection);

/// <summary>
/// Prior and derivative works of a selection of papers, as Connected Papers and Litmaps list them beside a graph: the
/// papers most cited by the selection, and the papers citing most of it, over explicit and inferred citations alike.
/// </summary>
internal static class SelectionWorks
{
    /// <summary>One ranked work: snapshot index, the selection indexes it is linked to.</summary>
    public readonly record struct Ranked(int Paper, IReadOnlyList<int> Selection);

    /// <summary>
    /// The <paramref name="first"/> papers linked to most papers of <paramref name="selection"/>: cited by them
    /// (<paramref name="prior"/>) or citing them; ties broken by citation count in the whole corpus, then by id, so the
    /// order is stable. Stubs count: a much-cited reference outside the corpus is still a prior work.
    /// </summary>
    public static IReadOnlyList<Ranked> Rank(GraphSnapshot snapshot, IReadOnlyCollection<int> selection, bool prior, int first)
    {
        var graph = snapshot.Citations;
        var linked = new Dictionary<int, List<int>>();
        foreach (var member in selection)
        {
            var neighbours = prior ? graph.OutNeighbors(member) : graph.InNeighbors(member);
            foreach (var other in neighbours)
            {
                if (other == member)
                {
                    continue;
                }

                if (!linked.TryGetValue(other, out var list))
                {
                    linked[other] = list = [];
                }

                // A member citing the same paper explicitly and by inference is one link, not two.
                if (list.Count == 0 || list[^1] != member)
                {
                    list.Add(member);
                }
            }
        }

        return linked
            .OrderByDescending(p => p.Value.Count)
            .ThenByDescending(p => graph.InDegree(p.Key))
            .ThenBy(p => snapshot.PaperId(p.Key), StringComparer.Ordinal)
            .Take(first)
            .Select(p => new Ranked(p.Key, p.Value))
            .ToList();
    }
}
