namespace CiteGraph.Graph.Analytics;

/// <summary>A partition of the nodes into components.</summary>
/// <param name="Membership">Component id of each node, dense in <c>0..Count-1</c>.</param>
/// <param name="Count">Number of components.</param>
public sealed record ComponentsResult(int[] Membership, int Count)
{
    /// <summary>Size of each component, indexed by component id.</summary>
    public int[] Sizes()
    {
        var sizes = new int[Count];
        foreach (int c in Membership)
        {
            sizes[c]++;
        }

        return sizes;
    }
}
