namespace CiteGraph.GraphQL.Validation;

/// <summary>The arguments of <c>lineage</c>.</summary>
public sealed record LineageArguments(string PaperId, int MaxDepth, double MinConfidence, int First);

/// <summary>The arguments of <c>connect</c>.</summary>
public sealed record ConnectArguments(string From, string To, int MaxLength, int First);

/// <summary>The arguments of <c>related</c>.</summary>
public sealed record RelatedArguments(string PaperId, int First);

/// <summary>The arguments of <c>subgraph</c>.</summary>
public sealed record SubgraphArguments(IReadOnlyList<string> Seeds, int Radius, int MaxNodes);
