using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>A source record with the id of the paper it was resolved to.</summary>
public sealed record ResolvedRecord(string PaperId, PaperRecord Record);
