namespace CiteGraph.GraphQL;

/// <summary>How <c>suggestedReferences</c> ranks, section <c>CiteGraph:Suggestions</c>.</summary>
public sealed class SuggestionOptions
{
    public const string Section = "CiteGraph:Suggestions";

    /// <summary>
    /// Whether the learned ranker (<see cref="CiteGraph.Graph.Suggest.SuggestionRanker.Fitted"/>) re-orders the weighted
    /// sum's best candidates. Default true. The trees were fitted on one corpus (neurips-icml-citations' training years,
    /// like the weights), and every corpus gets the same trees: their inputs are relative to each paper's own candidates
    /// (scaled features, ranks), so they carry over as far as the weights do. Set false for the weighted sum alone, e.g.
    /// when your own reference lists (<c>citegraph eval-suggest --no-ranker</c>) say the trees do not help on your corpus.
    /// </summary>
    public bool LearnedRanker { get; set; } = true;
}
