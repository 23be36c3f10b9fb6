using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>The order of a page of topics.</summary>
public enum TopicOrder
{
    /// <summary>Most papers first (document frequency), ties by name.</summary>
    Df,

    /// <summary>Alphabetical by canonical name.</summary>
    Name,

    /// <summary>Rising topics first (<see cref="Topic.Growth"/>), topics without a growth last, ties by df then name.</summary>
    Growth,
}

/// <summary>Which side of the BROADER relation between topics to read.</summary>
public enum TopicRelation
{
    /// <summary>The topics a topic is a kind of ("latent diffusion" → "diffusion").</summary>
    Broader,

    /// <summary>The kinds of a topic ("diffusion" → "diffusion models", "latent diffusion").</summary>
    Narrower,
}

/// <summary>A CO_TOPIC pair of papers by CiteGraph id, in either direction.</summary>
public readonly record struct PaperPair(string PaperId, string OtherId);

/// <summary>Which end of a CITES relationship to list from a paper.</summary>
public enum CitationDirection
{
    /// <summary>The papers this paper cites.</summary>
    Cites,

    /// <summary>The papers that cite this paper.</summary>
    CitedBy,
}

/// <summary>A page of citations of one paper: what it cites or what cites it, optionally one kind, at least a confidence.</summary>
/// <param name="PaperId">The paper (CiteGraph id).</param>
/// <param name="Direction">Cites or cited by.</param>
/// <param name="First">Page size.</param>
/// <param name="After">Number of citations to skip (the previous page's end).</param>
/// <param name="Kind">Only this kind; null for both.</param>
/// <param name="MinConfidence">Only citations at least this confident.</param>
public sealed record CitationQuery(string PaperId, CitationDirection Direction, int First, int After = 0, CitationKind? Kind = null, double MinConfidence = 0);

/// <summary>A page of items with the total count.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount)
{
    /// <summary>True when items remain after this page, given that it started after <paramref name="after"/> items.</summary>
    public bool HasNextPage(int after) => after + Items.Count < TotalCount;
}
