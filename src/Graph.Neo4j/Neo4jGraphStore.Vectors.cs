using System.Globalization;
using System.Runtime.CompilerServices;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore : IPaperVectorStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ReadVectorHashesAsync(CancellationToken cancellationToken = default)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var after = "";
        while (true)
        {
            var result = await RunAsync("read-embedding-hashes", cancellationToken, ("after", after), ("limit", ReadPageSize)).ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                after = row.GetString("paperId");
                hashes[after] = row.GetString("textHash");
            }

            if (result.Rows.Count < ReadPageSize)
            {
                return hashes;
            }
        }
    }

    /// <inheritdoc />
    public async Task<int> WriteVectorsAsync(IReadOnlyList<PaperVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var rows = vectors.Select(v => new EmbeddingRow(v.PaperId, v.TextHash, AsFloats(v.Vector))).ToList();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await InWriteTransactionAsync(
                async (tx, ct) =>
                {
                    var results = await RunBatchesAsync(tx, "write-embeddings", rows, ct).ConfigureAwait(false);
                    return results.Sum(r => r.Rows.Count == 0 ? 0 : r.Rows[0].GetInt32("written"));
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PaperVector> ReadVectorsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = "";
        while (true)
        {
            var result = await RunAsync("read-embeddings", cancellationToken, ("after", after), ("limit", ReadPageSize)).ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                after = row.GetString("paperId");
                yield return new PaperVector(after, row.GetString("textHash"), row.GetList("vector").Select(x => (float)x.GetDouble()).ToArray());
            }

            if (result.Rows.Count < ReadPageSize)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaperVectorMatch>> NearestPapersAsync(float[] vector, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var result = await RunAsync("nearest-papers", cancellationToken, ("vector", AsFloats(vector)), ("first", first)).ConfigureAwait(false);
        // The index scores cosine as (1 + cos) / 2.
        return result.Select(r => new PaperVectorMatch(r.GetString("paperId"), 2 * r.GetDouble("score") - 1));
    }

    /// <summary>
    /// Components as doubles so they are written as FLOATs (<c>0.0</c>, never <c>0</c>, see <see cref="CypherFloatConverter"/>),
    /// each the shortest decimal of its float (8 digits, not 17).
    /// </summary>
    private static double[] AsFloats(float[] vector) =>
        vector.Select(x => double.Parse(x.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray();

    private sealed record EmbeddingRow(string PaperId, string TextHash, double[] Vector);
}
