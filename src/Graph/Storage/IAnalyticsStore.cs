using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: the analytics runner's input and output (graphs as edge lists in, scores and communities out) and the reads of its results. A store implements every role it supports; <see cref="IGraphStore"/>
/// is all of them. Implementations are safe for concurrent readers while one writer writes.
/// </summary>
public interface IAnalyticsStore
{
    /// <summary>The citation graph over every paper node (stubs included), for the analytics kernels.</summary>
    /// <param name="kind">Only citations of this kind; null for both.</param>
    /// <param name="minConfidence">Only citations at least this confident.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<EdgeList> ReadCitationGraphAsync(CitationKind? kind = null, double minConfidence = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// The co-topic graph over every paper node: each paper's CO_TOPIC neighbours (its top-k by idf-weighted shared
    /// topics) as weighted edges, for the analytics kernels.
    /// </summary>
    Task<EdgeList> ReadCoTopicGraphAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes analytics results back in one transaction, replacing the previous run's values of what was computed.</summary>
    Task WriteAnalyticsAsync(AnalyticsResults results, CancellationToken cancellationToken = default);

    /// <summary>The top papers by a metric, best first, ties broken by id.</summary>
    Task<IReadOnlyList<RankedPaper>> RankAsync(RankingMetric metric, int first, PaperFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Communities of one hierarchy level by size, largest first, a page at a time.</summary>
    /// <param name="first">Page size.</param>
    /// <param name="after">Number of communities to skip.</param>
    /// <param name="level">Hierarchy level, 0 = coarsest; a level the run did not reach has none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<(IReadOnlyList<Community> Items, int TotalCount)> GetCommunitiesAsync(int first, int after, int level = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// The community of each paper at <paramref name="level"/> (0 = coarsest, the one <see cref="Paper.Community"/> names), in
    /// one read; papers the last run did not place at that level are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> GetPaperCommunitiesAsync(IReadOnlyCollection<string> paperIds, int level, CancellationToken cancellationToken = default);

    /// <summary>
    /// The community of each of <paramref name="nodeIds"/> at every level from 0 up to <paramref name="maxLevels"/>
    /// (exclusive), aligned with <paramref name="nodeIds"/> (-1 for a paper the last run did not place), stopping before the
    /// first level with none: the previous partition a warm-started analytics run starts from. By default one
    /// <see cref="GetPaperCommunitiesAsync"/> per level; a store that can read every level in one pass does so.
    /// </summary>
    async Task<IReadOnlyList<int[]>> ReadCommunityLevelsAsync(string[] nodeIds, int maxLevels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        var levels = new List<int[]>();
        for (var level = 0; level < maxLevels; level++)
        {
            var stored = await GetPaperCommunitiesAsync(nodeIds, level, cancellationToken).ConfigureAwait(false);
            if (stored.Count == 0)
            {
                break;
            }

            levels.Add([.. nodeIds.Select(id => stored.TryGetValue(id, out var community) ? community : -1)]);
        }

        return levels;
    }

    /// <summary>A community by id, or null.</summary>
    Task<Community?> GetCommunityAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Communities by id, in one read (a page of papers naming theirs); ids that do not exist are absent.</summary>
    Task<IReadOnlyDictionary<int, Community>> GetCommunitiesByIdAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default);

    /// <summary>The last analytics run, or null when none ran.</summary>
    Task<AnalyticsSummary?> GetAnalyticsSummaryAsync(CancellationToken cancellationToken = default);
}
