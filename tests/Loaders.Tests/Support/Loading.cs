using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Tests.Support;

/// <summary>The load <c>citegraph load</c> runs: the ingest stage, then the derive stage over the whole store.</summary>
internal static class Loading
{
    public static Task<LoadReport> LoadAndDeriveAsync(IGraphStore store, IReadOnlyList<InputFile> inputs, CancellationToken cancellationToken = default) =>
        LoadAndDeriveAsync(store, null, inputs, cancellationToken);

    public static async Task<LoadReport> LoadAndDeriveAsync(
        IGraphStore store, IngestOptions? options, IReadOnlyList<InputFile> inputs, CancellationToken cancellationToken = default)
    {
        var report = await new Ingestor(store, options).LoadAsync(inputs, cancellationToken: cancellationToken);
        return await DeriveStage.AfterLoadAsync(store, report, cancellationToken: cancellationToken);
    }
}
