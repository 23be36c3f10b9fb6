using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore : IPaperVectorStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ReadVectorHashesAsync(CancellationToken cancellationToken = default)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.id, v.text_hash FROM paper_vector v JOIN paper p ON p.pk = v.paper_pk;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    /// <inheritdoc />
    public async Task<int> WriteVectorsAsync(IReadOnlyList<PaperVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var written = 0;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = tx.Command("""
                INSERT INTO paper_vector (paper_pk, text_hash, vector)
                SELECT p.pk, $hash, $vector FROM paper p WHERE p.id = $id
                ON CONFLICT (paper_pk) DO UPDATE SET text_hash = excluded.text_hash, vector = excluded.vector;
                """);
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var hash = command.Parameters.Add("$hash", SqliteType.Text);
            var blob = command.Parameters.Add("$vector", SqliteType.Blob);
            foreach (var vector in vectors)
            {
                cancellationToken.ThrowIfCancellationRequested();
                id.Value = vector.PaperId;
                hash.Value = vector.TextHash;
                blob.Value = Int8VectorCodec.Encode(vector.Vector);
                written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }

        return written;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PaperVector> ReadVectorsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.id, v.text_hash, v.vector FROM paper_vector v JOIN paper p ON p.pk = v.paper_pk ORDER BY v.paper_pk;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PaperVector(reader.GetString(0), reader.GetString(1), Int8VectorCodec.Decode((byte[])reader.GetValue(2)));
        }
    }

    /// <inheritdoc />
    /// <remarks>An exact scan of every stored vector: for tools; the API answers from its in-memory index instead.</remarks>
    public async Task<IReadOnlyList<PaperVectorMatch>> NearestPapersAsync(float[] vector, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var matches = new List<PaperVectorMatch>();
        await foreach (var stored in ReadVectorsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored.Vector.Length == vector.Length)
            {
                matches.Add(new PaperVectorMatch(stored.PaperId, TensorPrimitives.Dot(vector, stored.Vector)));
            }
        }

        return matches.OrderByDescending(m => m.Score).ThenBy(m => m.PaperId, StringComparer.Ordinal).Take(first).ToList();
    }
}
