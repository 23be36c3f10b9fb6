namespace CiteGraph.Graph.Traversal;

/// <summary>Which relationships a traversal may follow.</summary>
[Flags]
public enum EdgeKinds
{
    None = 0,

    /// <summary>Citations a source states.</summary>
    Cites = 1,

    /// <summary>Citations inferred from a paper's text (subject to a minimum confidence).</summary>
    CitesInferred = 2,

    /// <summary>Two papers that reference the same code repository.</summary>
    SharedRepo = 4,

    /// <summary>Two papers sharing idf-weighted topics (one is among the other's top co-topic neighbours).</summary>
    CoTopic = 8,

    /// <summary>Both kinds of citation.</summary>
    Citations = Cites | CitesInferred,

    All = Cites | CitesInferred | SharedRepo | CoTopic,
}

/// <summary>The kinds to follow and the least confidence an inferred citation needs.</summary>
public readonly record struct EdgeFilter(EdgeKinds Kinds, double MinConfidence = 0)
{
    public static EdgeFilter All { get; } = new(EdgeKinds.All);

    public bool Allows(in Snapshot.CitationInfo citation) => citation.Inferred
        ? (Kinds & EdgeKinds.CitesInferred) != 0 && citation.Confidence >= MinConfidence
        : (Kinds & EdgeKinds.Cites) != 0;

    public bool FollowsCitations => (Kinds & EdgeKinds.Citations) != 0;

    public bool FollowsRepos => (Kinds & EdgeKinds.SharedRepo) != 0;

    public bool FollowsCoTopic => (Kinds & EdgeKinds.CoTopic) != 0;
}
