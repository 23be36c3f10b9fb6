namespace CiteGraph.Graph.Traversal;

/// <summary>
/// An edge a traversal found, between dense paper indexes: a citation (oriented citing → cited) or a shared repository
/// (<see cref="Via"/> names it).
/// </summary>
public readonly record struct TraversalEdge(int Source, int Target, EdgeKinds Kind, double Confidence, string? Evidence, string? Via = null);
