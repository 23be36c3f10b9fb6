using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>A source record with the id of the paper it was resolved to.</summary>
public sealed record ResolvedRecord(string PaperId, PaperRecord Record)
{
    /// <summary>
    /// The resolver found no such paper, so this record creates it, unless another writer stored the paper meanwhile
    /// (see <see cref="IPaperWriter.UpsertCountingAsync"/>).
    /// </summary>
    public bool ResolvedAsNew { get; init; }
}
