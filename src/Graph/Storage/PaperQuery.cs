namespace CiteGraph.Graph.Storage;

/// <summary>Which papers to list: every condition that is set must hold.</summary>
/// <param name="Text">Full-text condition over title and abstract.</param>
/// <param name="YearFrom">Earliest year, inclusive.</param>
/// <param name="YearTo">Latest year, inclusive.</param>
/// <param name="HasRepo">Only papers that reference (true) or do not reference (false) a code repository.</param>
/// <param name="Community">Only papers in this community (from the last analytics run).</param>
public sealed record PaperFilter(string? Text = null, int? YearFrom = null, int? YearTo = null, bool? HasRepo = null, int? Community = null);

/// <summary>A page request: at most <paramref name="First"/> papers after the position <paramref name="After"/>.</summary>
/// <param name="Filter">The conditions.</param>
/// <param name="First">Page size.</param>
/// <param name="After">Position of the last paper of the previous page (from <see cref="PaperPage"/>), or null for the first page.</param>
public sealed record PaperQuery(PaperFilter Filter, int First, long? After = null);

/// <summary>One page of papers, each with its stable position, and the total number of papers matching.</summary>
public sealed record PaperPage(IReadOnlyList<(long Position, Model.Paper Paper)> Items, bool HasNextPage, int TotalCount);
