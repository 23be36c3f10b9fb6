using System.Globalization;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    public async Task<int> UpsertCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(citations);
        cancellationToken.ThrowIfCancellationRequested();
        var rows = citations.Select(c => new CitationRow(
            c.From, c.To, c.Kind == CitationKind.Explicit ? "explicit" : "inferred", c.Confidence, c.Evidence)).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await OpenVersionAsync(cancellationToken).ConfigureAwait(false);
            return await InWriteTransactionAsync(
                async (tx, ct) => (await RunCitationBatchesAsync(tx, "upsert-citations", rows, version, ct).ConfigureAwait(false))
                    .Sum(r => r.Rows.Count == 0 ? 0 : r.Rows[0].GetInt32("written")),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<EdgeList> ReadCitationGraphAsync(CitationKind? kind = null, double minConfidence = 0, CancellationToken cancellationToken = default) =>
        // One transaction, so that nodes and edges come from the same state even while a load writes.
        InTransactionAsync(
            async (tx, ct) =>
            {
                var (ids, index) = await ReadCitationNodesAsync(tx, ct).ConfigureAwait(false);

                var edges = await tx.RunAsync(
                    CypherStatements.Get("citation-edges"),
                    Parameters(("kind", kind switch { null => null, CitationKind.Explicit => "explicit", _ => "inferred" }), ("minConfidence", minConfidence)),
                    ct).ConfigureAwait(false);
                var sources = new List<int>(edges.Rows.Count);
                var targets = new List<int>(edges.Rows.Count);
                foreach (var row in edges.Rows)
                {
                    if (index.TryGetValue(row.GetString("source"), out var s) && index.TryGetValue(row.GetString("target"), out var t))
                    {
                        sources.Add(s);
                        targets.Add(t);
                    }
                }

                return new EdgeList(ids, [.. sources], [.. targets]);
            },
            cancellationToken);

    /// <summary>The papers of the citation graph in the store's order, and each id's position among them.</summary>
    private static async Task<(string[] Ids, Dictionary<string, int> Index)> ReadCitationNodesAsync(Neo4jTransaction tx, CancellationToken ct)
    {
        var nodes = await tx.RunAsync(CypherStatements.Get("citation-nodes"), null, ct).ConfigureAwait(false);
        var ids = nodes.Select(r => r.GetString("id")).ToArray();
        return (ids, PositionsOf(ids));
    }

    /// <summary>Each id's position in <paramref name="ids"/>.</summary>
    private static Dictionary<string, int> PositionsOf(string[] ids)
    {
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }

        return index;
    }

    /// <inheritdoc />
    public async Task WriteAnalyticsAsync(AnalyticsResults results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var columns = results.Columns().Select(c => (Property: PropertyOf(c.Measure), c.Value)).ToList();
        var levels = results.CommunityLevels;
        if (levels is not null && levels.Any(l => l.Length != results.NodeIds.Length))
        {
            throw new ArgumentException($"A community level does not have {results.NodeIds.Length} values.", nameof(results));
        }

        var rows = columns.Count == 0
            ? []
            : results.NodeIds.Select((id, n) =>
            {
                var values = columns.ToDictionary(c => c.Property, c => c.Value(n), StringComparer.Ordinal);
                if (levels is not null)
                {
                    // The paper's community at every level, coarse to fine.
                    values["communityPath"] = levels.Select(l => l[n]).ToArray();
                }

                return new AnalyticsRow(id, values);
            }).ToList();
        var communities = results.Communities?.Select(c => new CommunityRow(c.Id, c.Level, c.Size, c.Label, c.Parent, [.. c.CentralPapers])).ToList();

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await InWriteTransactionAsync(
                async (tx, ct) =>
                {
                    if (columns.Count > 0)
                    {
                        await tx.RunAsync(CypherStatements.Get("reset-analytics"), Parameters(("reset", columns.Select(c => c.Property).ToArray())), ct)
                            .ConfigureAwait(false);
                        await RunBatchesAsync(tx, "write-analytics", rows, ct).ConfigureAwait(false);
                    }

                    if (communities is not null)
                    {
                        await tx.RunAsync(CypherStatements.Get("delete-communities"), null, ct).ConfigureAwait(false);
                        await RunBatchesAsync(tx, "write-communities", communities, ct).ConfigureAwait(false);
                    }

                    await tx.RunAsync(CypherStatements.Get("link-communities"), null, ct).ConfigureAwait(false);
                    await tx.RunAsync(
                        CypherStatements.Get("write-analytics-run"),
                        Parameters(("ranAt", Invariant(results.RanAt)), ("graph", results.Graph), ("algorithms", results.Algorithms), ("modularity", results.Modularity)),
                        ct).ConfigureAwait(false);
                    await WriteCommunityHistoryAsync(tx, results.CommunityEvents, ct).ConfigureAwait(false);
                    return 0;
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RankedPaper>> RankAsync(RankingMetric metric, int first, PaperFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var name = metric switch
        {
            RankingMetric.PageRank => "pageRank",
            RankingMetric.Betweenness => "betweenness",
            RankingMetric.Core => "core",
            RankingMetric.Citations => "citations",
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };
        var parameters = await FilterParametersAsync(filter, cancellationToken).ConfigureAwait(false);
        if (parameters is null)
        {
            return [];
        }

        parameters["metric"] = name;
        parameters["first"] = first;
        var result = await RunAsync("rank", parameters, cancellationToken).ConfigureAwait(false);
        var ranked = new List<RankedPaper>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            ranked.Add(new RankedPaper(ranked.Count + 1, ReadPaper(row.GetMap("paper")), row.GetDouble("score")));
        }

        return ranked;
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<Community> Items, int TotalCount)> GetCommunitiesAsync(int first, int after, int level = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var result = await RunAsync("communities", cancellationToken, ("first", first), ("after", after), ("level", level)).ConfigureAwait(false);
        if (result.Rows.Count == 0)
        {
            return ([], 0);
        }

        var row = result.Rows[0];
        return (row.GetList("items").Select(Neo4jRow.FromMap).Select(ReadCommunity).ToList(), row.GetInt32("total"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> GetPaperCommunitiesAsync(IReadOnlyCollection<string> paperIds, int level, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        if (paperIds.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var result = await RunAsync("paper-communities", cancellationToken, ("ids", paperIds.ToArray()), ("level", level)).ConfigureAwait(false);
        return result.Rows.ToDictionary(r => r.GetString("id"), r => r.GetInt32("community"), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<Community?> GetCommunityAsync(int id, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("community-by-id", cancellationToken, ("id", id)).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : ReadCommunity(result.Rows[0]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, Community>> GetCommunitiesByIdAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<int, Community>();
        }

        var result = await RunAsync("communities-by-id", cancellationToken, ("ids", ids.ToArray())).ConfigureAwait(false);
        return result.Rows.Select(ReadCommunity).ToDictionary(c => c.Id);
    }

    /// <inheritdoc />
    public async Task<AnalyticsSummary?> GetAnalyticsSummaryAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("analytics-summary", cancellationToken).ConfigureAwait(false);
        if (result.Rows.Count == 0)
        {
            return null;
        }

        var r = result.Rows[0];
        return new AnalyticsSummary(
            DateTimeOffset.Parse(r.GetString("ranAt"), CultureInfo.InvariantCulture),
            r.GetString("graph"),
            r.GetList("algorithms").Select(a => a.GetString() ?? "").ToArray(),
            r.GetDoubleOrNull("modularity"),
            r.GetInt32("communities"));
    }

    /// <summary>The paper property a measure is kept in.</summary>
    private static string PropertyOf(AnalyticsMeasure measure) => measure switch
    {
        AnalyticsMeasure.PageRank => "pageRank",
        AnalyticsMeasure.Betweenness => "betweenness",
        AnalyticsMeasure.Community => "community",
        AnalyticsMeasure.CoreNumber => "coreNumber",
        AnalyticsMeasure.Component => "component",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    private static Community ReadCommunity(Neo4jRow r) => new(r.GetInt32("id"), r.GetInt32("level"), r.GetInt32("size"), r.GetStringOrNull("label") ?? "")
    {
        Parent = r.GetInt32OrNull("parent"),
        CentralPapers = r.GetList("centralPapers").Select(c => c.GetString() ?? "").ToList(),
    };

    private sealed record CitationRow(string From, string To, string Kind, double Confidence, string? Evidence);

    private sealed record AnalyticsRow(string Id, Dictionary<string, object> Values);

    private sealed record CommunityRow(int Id, int Level, int Size, string Label, int? Parent, string[] Central);
}
