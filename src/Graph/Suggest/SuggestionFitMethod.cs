namespace CiteGraph.Graph.Suggest;

/// <summary>How <see cref="SuggestionWeightFit"/> searches for weights.</summary>
public enum SuggestionFitMethod
{
    /// <summary>Coordinate search on recall@k over a small grid of weights, from two starts.</summary>
    CoordinateSearch,

    /// <summary>Coordinate search over a grid twice as fine (17 values from 0 to 8) with up to 8 passes.</summary>
    FineCoordinateSearch,

    /// <summary>The pairwise logistic fit alone (<see cref="PairwiseRankFit"/>).</summary>
    Pairwise,

    /// <summary>Coordinate search with the pairwise fit as a third start: the smooth fit places the weights, the search tunes them for recall@k.</summary>
    PairwiseThenSearch,
}
