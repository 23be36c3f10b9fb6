namespace CiteGraph.Graph.Storage;

/// <summary>The bulk-load scope of a store that defers nothing.</summary>
internal sealed class NoBulkLoad : IAsyncDisposable
{
    public static NoBulkLoad Instance { get; } = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
