using System.Reflection;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Host.Tests;

/// <summary>
/// An <see cref="IGraphStore"/> whose batch upserts take turns with the other stores sharing its gate: one batch, then a short
/// pause that lets a waiting writer in. Two loads through such stores interleave their commits batch by batch, as two
/// `citegraph load` processes may, instead of one starving the other of SQLite's write lock. Every other call is forwarded.
/// </summary>
public class TurnTakingStore : DispatchProxy
{
    private IGraphStore _inner = null!;
    private SemaphoreSlim _gate = null!;

    public static IGraphStore Wrap(IGraphStore inner, SemaphoreSlim gate)
    {
        var proxy = Create<IGraphStore, TurnTakingStore>();
        var control = (TurnTakingStore)(object)proxy;
        control._inner = inner;
        control._gate = gate;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        // The ingestor writes its batches through UpsertCountingAsync (Task<int>); UpsertAsync (Task) is gated too.
        if (targetMethod!.Name == nameof(IPaperWriter.UpsertCountingAsync))
        {
            return TakeTurnAsync(() => (Task<int>)targetMethod.Invoke(_inner, args)!);
        }

        if (targetMethod.Name == nameof(IPaperWriter.UpsertAsync))
        {
            return TakeTurnAsync(async () =>
            {
                await ((Task)targetMethod.Invoke(_inner, args)!).ConfigureAwait(false);
                return 0;
            });
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private async Task<T> TakeTurnAsync<T>(Func<Task<T>> write)
    {
        await _gate.WaitAsync();
        T result;
        try
        {
            result = await write();
        }
        finally
        {
            _gate.Release();
        }

        await Task.Delay(10);
        return result;
    }
}
