using System.Collections.Concurrent;
using System.Reflection;
using CiteGraph.Graph.Storage;

namespace CiteGraph.GraphQL.Tests;

/// <summary>An <see cref="IGraphStore"/> that forwards every call and counts them by method name.</summary>
public class CountingStore : DispatchProxy
{
    private IGraphStore _inner = null!;

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public int Total => Calls.Values.Sum();

    public static (IGraphStore Store, CountingStore Counter) Wrap(IGraphStore inner)
    {
        var proxy = Create<IGraphStore, CountingStore>();
        var counter = (CountingStore)(object)proxy;
        counter._inner = inner;
        return (proxy, counter);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Calls.AddOrUpdate(targetMethod!.Name, 1, (_, n) => n + 1);
        return targetMethod.Invoke(_inner, args);
    }
}
