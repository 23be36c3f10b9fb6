namespace CiteGraph.Graph.Model;

/// <summary>An author, where a source names authors.</summary>
public sealed record Author(string Name);
