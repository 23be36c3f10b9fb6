namespace CiteGraph.GraphQL.Versions;

/// <summary>
/// The live change feed of one subscription: reads the feed after the last event it delivered, every
/// <c>interval</c> while nothing is new (at once again while pages are full), so an event reaches its subscriber within one
/// interval of its commit, whichever process committed it. Ends (OnCompleted) when <c>stopping</c> fires, the server's
/// shutdown; disposing the subscription stops it.
/// </summary>
internal sealed class ChangePolling(ChangeFeed feed, long since, TimeSpan interval, CancellationToken stopping) : IObservable<Graph.Storage.Versions.ChangeEvent>
{
    private const int Page = 500;

    public IDisposable Subscribe(IObserver<Graph.Storage.Versions.ChangeEvent> observer)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _ = Task.Run(() => RunAsync(observer, stop.Token), CancellationToken.None);
        return new Subscription(stop);
    }

    private async Task RunAsync(IObserver<Graph.Storage.Versions.ChangeEvent> observer, CancellationToken ct)
    {
        var after = Graph.Storage.Versions.ChangeCursor.Start;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var page = await feed.ReadAsync(since, after, Page, ct).ConfigureAwait(false);
                foreach (var e in page.Events)
                {
                    observer.OnNext(e);
                    after = e.Cursor;
                }

                if (!page.HasNextPage)
                {
                    await Task.Delay(interval, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Unsubscribed or shutting down: complete below.
        }
#pragma warning disable CA1031 // The observer, not this background loop, decides what a failure means.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            observer.OnError(ex);
            return;
        }

        observer.OnCompleted();
    }

    private sealed class Subscription(CancellationTokenSource stop) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                stop.Cancel();
                stop.Dispose();
            }
        }
    }
}
