namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Which graph an analytics run found its communities on, which layers it joined and why: what <c>analyze</c> reports.
/// </summary>
/// <param name="Graph">The graph used (never <see cref="AnalyticsGraph.Auto"/>).</param>
/// <param name="Layers">The layers joined, e.g. <c>citations</c>, <c>cotopic</c>, <c>semantic</c>.</param>
/// <param name="Reason">One line saying why: the rule's measurements, or that <c>--graph</c> asked for it.</param>
public sealed record GraphChoice(AnalyticsGraph Graph, IReadOnlyList<string> Layers, string Reason)
{
    /// <summary>
    /// Share of papers citations must reach (cite or be cited by at least one paper) for <see cref="AnalyticsGraph.Auto"/>
    /// to find communities on the citations alone: below it, a paper no citation reaches would be a community of its own.
    /// </summary>
    public const double CitationCoverage = 0.9;

    /// <summary>The name stored with the run: the graph and, for a hybrid, its layers (<c>hybrid: citations + cotopic</c>).</summary>
    public string Name => Graph == AnalyticsGraph.Hybrid
        ? "hybrid: " + string.Join(" + ", Layers)
        : Graph.ToString().ToLowerInvariant();

    /// <summary>
    /// The documented rule. An explicit <paramref name="requested"/> graph is used as asked. <see cref="AnalyticsGraph.Auto"/>
    /// uses the citations when they reach at least <see cref="CitationCoverage"/> of the <paramref name="papers"/>, and
    /// otherwise the hybrid of the citations with every other layer the store has (co-topic links from derive, semantic
    /// neighbours from stored embeddings); with neither, the citations, saying what would help.
    /// </summary>
    /// <param name="requested">The graph <c>--graph</c> asked for.</param>
    /// <param name="papers">Nodes of the graph.</param>
    /// <param name="linkedByCitations">Nodes with at least one citation, either way.</param>
    /// <param name="coTopicEdges">CO_TOPIC links stored.</param>
    /// <param name="vectors">Papers with a stored sentence embedding.</param>
    public static GraphChoice Choose(AnalyticsGraph requested, int papers, int linkedByCitations, int coTopicEdges, int vectors)
    {
        var coverage = papers == 0 ? 1.0 : (double)linkedByCitations / papers;
        var measured = $"citations reach {linkedByCitations:N0} of {papers:N0} papers ({coverage:P0})";
        var others = new List<string>(2);
        if (coTopicEdges > 0)
        {
            others.Add("cotopic");
        }

        var tooMany = requested == AnalyticsGraph.Auto && vectors > SemanticNeighbours.MaxPapers;
        if (vectors > 0 && !tooMany)
        {
            others.Add("semantic");
        }

        var without = tooMany ? $" (not the {vectors:N0} embeddings: more than {SemanticNeighbours.MaxPapers:N0} for the exact neighbour scan)" : "";

        switch (requested)
        {
            case AnalyticsGraph.Citations:
                return new(requested, ["citations"], $"--graph citations; {measured}");
            case AnalyticsGraph.CoTopic:
                return new(requested, ["cotopic"], $"--graph cotopic ({coTopicEdges:N0} co-topic links)");
            case AnalyticsGraph.Semantic:
                return new(requested, ["semantic"], $"--graph semantic ({vectors:N0} papers with embeddings)");
            case AnalyticsGraph.Hybrid:
                return new(requested, ["citations", .. others], $"--graph hybrid; {measured}");
        }

        if (coverage >= CitationCoverage)
        {
            return new(AnalyticsGraph.Citations, ["citations"], $"{measured}, at least {CitationCoverage:P0}");
        }

        if (others.Count == 0)
        {
            return new(AnalyticsGraph.Citations, ["citations"],
                $"{measured}, under {CitationCoverage:P0}, but the store has no co-topic links or embeddings to add (run derive){without}");
        }

        return new(AnalyticsGraph.Hybrid, ["citations", .. others],
            $"{measured}, under {CitationCoverage:P0}: joined with {string.Join(" and ", others.Select(Describe))}{without}");

        string Describe(string layer) => layer == "cotopic"
            ? $"co-topic links ({coTopicEdges:N0})"
            : $"{SemanticNeighbours.DefaultNeighbours} nearest neighbours by embedding ({vectors:N0} papers)";
    }
}
