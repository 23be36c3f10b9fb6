namespace CiteGraph.Graph.Storage;

/// <summary>
/// Runs store calls so that whatever they throw leaves as the port's exceptions, through one adapter's
/// <see cref="StoreFailureTranslation"/>. Port exceptions and cancellations pass unchanged; so does anything the
/// translation does not claim.
/// </summary>
internal sealed class StoreFailureGuard(StoreFailureTranslation translation)
{
    /// <summary>The port exception <paramref name="exception"/> becomes, or null when it leaves as it is.</summary>
    public GraphStoreException? Translate(Exception exception) =>
        exception is GraphStoreException or OperationCanceledException ? null : translation(exception);

    public T Run<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public async Task RunAsync(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public IAsyncEnumerable<T> Stream<T>(Func<IAsyncEnumerable<T>> call) => new GuardedAsyncEnumerable<T>(Run(call), this);

    /// <summary>A scope whose disposal (which may do the deferred work, e.g. rebuild indexes) is guarded too.</summary>
    public async Task<IAsyncDisposable> ScopeAsync(Func<Task<IAsyncDisposable>> begin) =>
        new GuardedScope(await RunAsync(begin).ConfigureAwait(false), this);

    private sealed class GuardedScope(IAsyncDisposable inner, StoreFailureGuard guard) : IAsyncDisposable
    {
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
    }
}
