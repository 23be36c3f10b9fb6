namespace CiteGraph.Graph.Storage;

/// <summary>
/// A whole graph as dense arrays, ready for the analytics kernels: node <c>i</c> is paper <c>NodeIds[i]</c>, edge
/// <c>e</c> goes from <c>Sources[e]</c> to <c>Targets[e]</c>.
/// </summary>
public sealed record EdgeList(string[] NodeIds, int[] Sources, int[] Targets, float[]? Weights = null)
{
    public int NodeCount => NodeIds.Length;

    public int EdgeCount => Sources.Length;
}
