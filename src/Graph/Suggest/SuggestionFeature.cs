namespace CiteGraph.Graph.Suggest;

/// <summary>The evidence a suggested reference is scored on; each is scaled per query to [0, 1] by its best candidate.</summary>
public enum SuggestionFeature
{
    /// <summary>TF-IDF cosine of title and abstract (unigrams and bigrams).</summary>
    KeyTerms,

    /// <summary>Sentence-embedding cosine, when an embedding index is plugged in (<see cref="ISemanticNeighbours"/>).</summary>
    Semantic,

    /// <summary>The CO_TOPIC weight between the two papers (idf-weighted shared topics).</summary>
    CoTopic,

    /// <summary>Cited by the paper's most similar papers, each citation weighted by that paper's similarity.</summary>
    CitedBySimilar,

    /// <summary>log(1 + citations the candidate received in the visible graph).</summary>
    Popularity,

    /// <summary>Cited together with the paper by the same (visible) papers.</summary>
    CoCitation,

    /// <summary>Sharing (visible) references with the paper.</summary>
    Coupling,

    /// <summary>A citation the paper's own text makes to it (an inferred CITES, or an explicit one outside held-out evaluation).</summary>
    DirectCitation,

    /// <summary>
    /// How readily the graph's papers cite papers of the candidate's age (<see cref="CitationAges"/>): work of a few years
    /// back is cited more readily than last month's or a decade-old work.
    /// </summary>
    Recency,

    /// <summary>
    /// Cosine of the candidate's sentence embedding with the paper's mapped by <see cref="CitationProjection"/>: the map learned
    /// from the graph's earlier citations, so that a paper's image lies near what papers of its kind cite.
    /// </summary>
    CitationSemantic,

    /// <summary>
    /// How strongly the candidate's terms go with the paper's (different) terms in the graph's earlier citations
    /// (<see cref="Suggest.TermAssociation"/>): words the citing and cited sides use for the same thing.
    /// </summary>
    TermAssociation,

    /// <summary>
    /// The share (by idf) of the candidate's title terms that the paper's own title or abstract names
    /// (<see cref="TermIndex.TitleCoverage"/>): papers are cited by their names.
    /// </summary>
    TitleMention,

    /// <summary>log(1 + citations the candidate received in the visible graph from papers of the last <see cref="SuggestionEngine.RecentYears"/> years before the paper).</summary>
    RecentPopularity,

    /// <summary>
    /// The share of a short walk over the visible citation graph, in both directions (towards what a paper cites and
    /// towards the papers citing it), that reaches the candidate, started from the paper's nearest papers by meaning and
    /// by key terms (each seed weighted by its similarity cubed): the co-cited cluster around similar work, which holds
    /// classics that no single similar paper cites. Steps 2 and 3 count (the first step out is what
    /// <see cref="CitedBySimilar"/> counts).
    /// </summary>
    GraphWalk,

    /// <summary>
    /// How much more (or less) often the graph's earlier papers cited the candidate than the engine's own ranking of them,
    /// held out, expected (<see cref="ItemCalibration"/>): a per-paper correction of the other features' past errors.
    /// </summary>
    ItemBias,
}
