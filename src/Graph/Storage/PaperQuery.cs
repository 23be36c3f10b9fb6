namespace CiteGraph.Graph.Storage;

/// <summary>Which papers to list: every condition that is set must hold.</summary>
/// <param name="Text">Full-text condition over title and abstract.</param>
/// <param name="YearFrom">Earliest year, inclusive.</param>
/// <param name="YearTo">Latest year, inclusive.</param>
/// <param name="HasRepo">Only papers that reference (true) or do not reference (false) a code repository.</param>
/// <param name="Community">Only papers in this community (from the last analytics run).</param>
public sealed record PaperFilter(string? Text = null, int? YearFrom = null, int? YearTo = null, bool? HasRepo = null, int? Community = null);

/// <summary>Orders papers can be listed in; every order but load order is descending, ties broken by load order.</summary>
public enum PaperOrder
{
    /// <summary>The order papers were first stored in.</summary>
    LoadOrder,

    /// <summary>Newest first; papers without a year last.</summary>
    Published,

    /// <summary>Highest PageRank first; papers without one last.</summary>
    PageRank,

    /// <summary>Most cited first.</summary>
    Citations,

    /// <summary>Most upvoted first; papers without upvotes last.</summary>
    Upvotes,
}

/// <summary>A page request: at most <paramref name="First"/> papers after the position <paramref name="After"/>.</summary>
/// <param name="Filter">The conditions.</param>
/// <param name="First">Page size.</param>
/// <param name="After">Position of the last paper of the previous page (from <see cref="PaperPage"/>), or null for the first page.</param>
public sealed record PaperQuery(PaperFilter Filter, int First, long? After = null)
{
    /// <summary>The order. Default <see cref="PaperOrder.LoadOrder"/>.</summary>
    public PaperOrder Order { get; init; } = PaperOrder.LoadOrder;

    /// <summary>For orders other than load order: the sort key of the last paper of the previous page.</summary>
    public double? AfterKey { get; init; }

    /// <summary>
    /// Whether to count every matching paper (a scan of the matches). Default true; false when nobody asked for the
    /// total, and <see cref="PaperPage.TotalCount"/> is then -1.
    /// </summary>
    public bool CountTotal { get; init; } = true;
}

/// <summary>One page of papers, each with its stable position, and the total number of papers matching.</summary>
/// <param name="Items">The papers with their positions.</param>
/// <param name="HasNextPage">Whether more papers match.</param>
/// <param name="TotalCount">How many papers match in all; -1 when not counted (<see cref="PaperQuery.CountTotal"/>).</param>
/// <param name="SortKeys">For orders other than load order, each paper's sort key (for the cursor).</param>
public sealed record PaperPage(IReadOnlyList<(long Position, Model.Paper Paper)> Items, bool HasNextPage, int TotalCount, IReadOnlyList<double>? SortKeys = null);
