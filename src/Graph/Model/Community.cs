namespace CiteGraph.Graph.Model;

/// <summary>A community found by Louvain or Leiden: its id, hierarchy level, member count and a label from its members' text.</summary>
public sealed record Community(int Id, int Level, int Size, string Label);
