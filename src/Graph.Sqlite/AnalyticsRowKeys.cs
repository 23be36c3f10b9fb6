using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The paper row key of each node of an analytics run, read in one pass over the paper table in key order, so the
/// write-back touches paper rows, <c>community_member</c> and <c>analytics_history</c> in key order instead of looking
/// every paper up by its id (at ten million papers that was random I/O over a store far larger than the page cache,
/// and the run's write-back alone took longer than the analytics).
/// </summary>
/// <remarks>
/// A run's nodes come from <c>ReadNodeIndexAsync</c>, in key order, so they usually match the table row for row; when
/// they do not (papers merged or added since the graph was read, or results made elsewhere), the rest are matched
/// through a dictionary of their ids.
/// </remarks>
internal sealed class AnalyticsRowKeys
{
    // Per node, its paper's row key, -1 when no paper has that id; and the node positions in ascending key order, the
    // nodes without a paper last.
    private readonly long[] _keys;
    private readonly int[] _order;

    private AnalyticsRowKeys(long[] keys, int[] order, List<long> others)
    {
        _keys = keys;
        _order = order;
        Others = others;
    }

    /// <summary>Row keys of papers that are not nodes of the run, in key order: their measures are cleared.</summary>
    public List<long> Others { get; }

    /// <summary>
    /// Each node that has a paper, with its row key, in ascending key order; nodes whose id no paper has are skipped (as an
    /// update by id would skip them).
    /// </summary>
    public IEnumerable<(int Node, long Key)> InKeyOrder()
    {
        foreach (var n in _order)
        {
            if (_keys[n] < 0)
            {
                yield break;
            }

            yield return (n, _keys[n]);
        }
    }

    /// <summary>Reads every paper's key and id in the write-back's transaction and pairs them with <paramref name="nodeIds"/>.</summary>
    public static async Task<AnalyticsRowKeys> ReadAsync(SqliteTransaction tx, string[] nodeIds, CancellationToken cancellationToken)
    {
        var keys = new long[nodeIds.Length];
        Array.Fill(keys, -1L);
        var others = new List<long>();
        Dictionary<string, int>? rest = null;
        var next = 0;
        await using var rows = tx.Command("SELECT pk, id FROM paper ORDER BY pk;");
        await using var reader = await rows.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = reader.GetInt64(0);
            var id = reader.GetString(1);
            if (rest is null && next < nodeIds.Length && string.Equals(id, nodeIds[next], StringComparison.Ordinal))
            {
                keys[next++] = key;
                continue;
            }

            rest ??= Remaining(nodeIds, next);
            if (rest.Remove(id, out var node))
            {
                keys[node] = key;
            }
            else
            {
                others.Add(key);
            }
        }

        return new AnalyticsRowKeys(keys, rest is null ? Identity(nodeIds.Length) : SortedByKey(keys), others);
    }

    private static Dictionary<string, int> Remaining(string[] nodeIds, int from)
    {
        var rest = new Dictionary<string, int>(nodeIds.Length - from, StringComparer.Ordinal);
        for (var n = from; n < nodeIds.Length; n++)
        {
            rest.TryAdd(nodeIds[n], n);
        }

        return rest;
    }

    private static int[] Identity(int count)
    {
        var order = new int[count];
        for (var n = 0; n < count; n++)
        {
            order[n] = n;
        }

        return order;
    }

    private static int[] SortedByKey(long[] keys)
    {
        var order = Identity(keys.Length);
        var sortKeys = new long[keys.Length];
        for (var n = 0; n < keys.Length; n++)
        {
            sortKeys[n] = keys[n] < 0 ? long.MaxValue : keys[n];
        }

        Array.Sort(sortKeys, order);
        return order;
    }
}
