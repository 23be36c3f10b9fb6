namespace CiteGraph.Graph.Model;

/// <summary>A canonical topic with its aliases (acronym ↔ expansion, plural forms) and document frequency.</summary>
public sealed record Topic(string Name, IReadOnlyList<string> Aliases, int Df);
