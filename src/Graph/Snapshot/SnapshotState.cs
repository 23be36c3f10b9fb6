using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Snapshot;

/// <summary>
/// One consistent read model: the traversal snapshot, the counts and the last analytics run read with it, and the
/// store's change version (<see cref="Storage.ISnapshotStore.GetChangeVersionAsync"/>) read just before it, so a write
/// that lands during the build leaves the version behind and triggers another build.
/// </summary>
public sealed record SnapshotState(GraphSnapshot Snapshot, long? StoreVersion, GraphStats Stats, AnalyticsSummary? Analytics)
{
    /// <summary>Before the first build: an empty snapshot, zero counts.</summary>
    public static SnapshotState Empty { get; } = new(GraphSnapshot.Empty, null, new GraphStats(0, 0, 0, 0, 0, 0, 0, 0, 0), null);
}
