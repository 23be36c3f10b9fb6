using GraphQL.DataLoader;

namespace CiteGraph.GraphQL.Batching;

/// <summary>
/// Collects the keys resolvers ask for while GraphQL.NET walks one level of a response, then fetches them all with one
/// call: a page of 100 papers asking for their repositories costs one store read, not 100. One loader per request.
/// </summary>
/// <remarks>
/// Resolvers return the <see cref="IDataLoaderResult{T}"/> of <see cref="Load"/>; the executor asks for the values only
/// after every sibling resolver has run, so by then all keys of the level are pending.
/// </remarks>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> _batches = [];
    private HashSet<TKey> _pending = [];

    /// <summary>Number of fetches made so far (for tests and diagnostics).</summary>
    public int Fetches { get; private set; }

    /// <summary>A deferred value for <paramref name="key"/>; default when the fetch returns nothing for it.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_lock)
        {
            if (!_batches.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new Result(this, key);
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> BatchFor(TKey key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_batches.TryGetValue(key, out var batch))
            {
                return batch;
            }

            // Dispatch everything pending (this key included) as one fetch.
            var keys = _pending;
            keys.Add(key);
            _pending = [];
            Fetches++;
            var task = fetch(keys, cancellationToken);
            foreach (var k in keys)
            {
                _batches[k] = task;
            }

            return task;
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.BatchFor(key, cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
