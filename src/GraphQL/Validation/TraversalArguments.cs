namespace CiteGraph.GraphQL.Validation;

/// <summary>The arguments of <c>lineage</c>.</summary>
public sealed record LineageArguments(string PaperId, int MaxDepth, double MinConfidence, int First);

/// <summary>The arguments of <c>connect</c>.</summary>
public sealed record ConnectArguments(string From, string To, int MaxLength, int First);

/// <summary>The arguments of <c>related</c>.</summary>
public sealed record RelatedArguments(string PaperId, int First);

/// <summary>The seeds of <c>related</c>: one paper (<c>paperId</c>) or several (<c>paperIds</c>), and papers to move away from.</summary>
public sealed record RelatedSeedsArguments(string? PaperId, IReadOnlyList<string>? PaperIds, IReadOnlyList<string>? Negative, int First)
{
    /// <summary>The positive seeds, whichever argument gave them.</summary>
    public IReadOnlyList<string> Positive => PaperIds ?? (PaperId is null ? [] : [PaperId]);
}

/// <summary>The arguments of <c>subgraph</c>.</summary>
public sealed record SubgraphArguments(IReadOnlyList<string> Seeds, int Radius, int MaxNodes);
