using System.Reflection;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Host.Tests;

/// <summary>
/// An <see cref="IGraphStore"/> whose <c>GetStatsAsync</c> blocks its thread without looking at any token (a stage that
/// never yields, like a runaway validation rule) once armed, until the test releases it; every other call is forwarded.
/// </summary>
public class StallingStore : DispatchProxy
{
    private IGraphStore _inner = null!;
    private ManualResetEventSlim _release = null!;
    private TaskCompletionSource _stalled = null!;

    private volatile bool _armed;

    /// <summary>From now on, stats calls stall (start-up reads them too, so the test arms it once the host runs).</summary>
    public void Arm() => _armed = true;

    /// <summary>Completes once a call is stalled.</summary>
    public Task Stalled => _stalled.Task;

    public static (IGraphStore Store, StallingStore Control) Wrap(IGraphStore inner, ManualResetEventSlim release)
    {
        var proxy = Create<IGraphStore, StallingStore>();
        var control = (StallingStore)(object)proxy;
        control._inner = inner;
        control._release = release;
        control._stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (proxy, control);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (_armed && targetMethod!.Name == nameof(IGraphStore.GetStatsAsync))
        {
            _stalled.TrySetResult();
            _release.Wait(TimeSpan.FromMinutes(2));
        }

        return targetMethod!.Invoke(_inner, args);
    }
}
