namespace CiteGraph.Graph.Storage;

/// <summary>
/// A whole graph store: every role port (<see cref="IPaperWriter"/>, <see cref="IPaperReader"/>,
/// <see cref="IDerivedLayerStore"/>, <see cref="IIncrementalDeriveStore"/>, <see cref="ITopicReader"/>, <see cref="IAnalyticsStore"/>,
/// <see cref="ICommunityHistoryStore"/>, <see cref="ISnapshotStore"/>, <see cref="IGraphExportReader"/>, <see cref="Versions.IVersionLog"/>) plus its schema's life cycle. Consumers depend on the roles they use; a store's
/// provider (<see cref="IGraphStoreProvider"/>) opens one. Optional roles, such as <see cref="IPaperVectorStore"/>, are
/// implemented beside it.
/// </summary>
public interface IGraphStore : IPaperWriter, IPaperReader, IDerivedLayerStore, IIncrementalDeriveStore, ITopicReader, IAnalyticsStore, ICommunityHistoryStore, ISnapshotStore, IGraphExportReader, Versions.IVersionLog, IAsyncDisposable
{
    /// <summary>Creates or migrates the store's schema. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);
}
