namespace CiteGraph.Graph.Storage;

/// <summary>
/// A store's stream whose failures leave as port exceptions: a read that fails on its ten-thousandth row fails inside
/// <see cref="IAsyncEnumerator{T}.MoveNextAsync"/>, long after the method that returned the stream.
/// </summary>
internal sealed class GuardedAsyncEnumerable<T>(IAsyncEnumerable<T> source, StoreFailureGuard guard) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(guard.Run(() => source.GetAsyncEnumerator(cancellationToken)), guard);

    private sealed class Enumerator(IAsyncEnumerator<T> inner, StoreFailureGuard guard) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            ValueTask<bool> next;
            try
            {
                next = inner.MoveNextAsync();
            }
            catch (Exception ex) when (guard.Translate(ex) is { } translated)
            {
                throw translated;
            }

            // Rows already buffered complete synchronously: no state machine for them.
            return next.IsCompletedSuccessfully ? next : AwaitAsync(next);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (guard.Translate(ex) is { } translated)
            {
                throw translated;
            }
        }

        private async ValueTask<bool> AwaitAsync(ValueTask<bool> next)
        {
            try
            {
                return await next.ConfigureAwait(false);
            }
            catch (Exception ex) when (guard.Translate(ex) is { } translated)
            {
                throw translated;
            }
        }
    }
}
