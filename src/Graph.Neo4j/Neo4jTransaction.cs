namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// An explicit Query API transaction (Neo4j 5.26+): the first statement opens it (<c>POST …/query/v2/tx</c>), the next run
/// in it (<c>POST …/tx/{id}</c>, with the cluster-affinity header replayed), <see cref="CommitAsync"/> commits it, and
/// disposing an uncommitted one rolls it back (<c>DELETE …/tx/{id}</c>). Statements inside are not retried one by one:
/// retry the whole transaction (<see cref="Neo4jQueryClient.RetryAsync{T}"/>).
/// </summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    private readonly Neo4jQueryClient _client;
    private string? _id;
    private string? _affinity;
    private bool _finished;

    internal Neo4jTransaction(Neo4jQueryClient client) => _client = client;

    /// <summary>The server's transaction id, null until the first statement ran.</summary>
    public string? Id => _id;

    /// <summary>Runs a statement in this transaction; its writes are visible to the next statements, to no one else until commit.</summary>
    public async Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var path = _id is null ? "/tx" : "/tx/" + Uri.EscapeDataString(_id);
        try
        {
            var response = await _client.SendAsync(HttpMethod.Post, path, Neo4jQueryClient.Body(statement, parameters), _affinity, cancellationToken)
                .ConfigureAwait(false);
            if (_id is null)
            {
                _id = response.TransactionId ?? throw new GraphStoreException("Neo4j ran the statement but opened no transaction (no 'transaction' in its answer).");
                _affinity = response.Affinity;
            }

            return response.Result;
        }
        catch (Neo4jException)
        {
            // A failed statement closes the transaction on the server; there is nothing left to roll back.
            _finished = true;
            throw;
        }
    }

    /// <summary>Commits every statement run so far.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_id is not null)
        {
            await _client.SendAsync(HttpMethod.Post, $"/tx/{Uri.EscapeDataString(_id)}/commit", new Dictionary<string, object?>(), _affinity, cancellationToken)
                .ConfigureAwait(false);
        }

        _finished = true;
    }

    /// <summary>Rolls the transaction back unless it was committed or already closed by a failure.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_finished || _id is null)
        {
            _finished = true;
            return;
        }

        _finished = true;
        try
        {
            await _client.SendAsync(HttpMethod.Delete, "/tx/" + Uri.EscapeDataString(_id), null, _affinity, CancellationToken.None).ConfigureAwait(false);
        }
        catch (GraphStoreException)
        {
            // Best effort: the server rolls an abandoned transaction back after its idle timeout anyway.
        }
    }
}
