namespace CiteGraph.Graph.Suggest;

/// <summary>How <see cref="SuggestionWeightFit"/> searches for weights.</summary>
public enum SuggestionFitMethod
{
    /// <summary>Coordinate search on recall@k over a small grid of weights, from two starts.</summary>
    CoordinateSearch,

    /// <summary>The pairwise logistic fit alone (<see cref="PairwiseRankFit"/>).</summary>
    Pairwise,

    /// <summary>Coordinate search with the pairwise fit as a third start: the smooth fit places the weights, the search tunes them for recall@k.</summary>
    PairwiseThenSearch,
}
