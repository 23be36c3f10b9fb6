namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Strongly connected components by Tarjan's algorithm with an explicit call stack (no recursion, so millions of nodes in a
/// chain are fine), O(n + m).
/// </summary>
public static class StronglyConnectedComponents
{
    /// <summary>
    /// Computes the components. Component ids are dense; as in Tarjan's algorithm they are numbered in reverse topological
    /// order of the condensation (a component's id is smaller than the ids of components that reach it).
    /// </summary>
    public static ComponentsResult Compute(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NodeCount;
        var off = graph.OutOffsets;
        var tgt = graph.Targets;
        var index = new int[n];
        Array.Fill(index, -1);
        var low = new int[n];
        var membership = new int[n];
        Array.Fill(membership, -1);
        var stack = new int[n];
        var callNode = new int[n];
        var callEdge = new int[n];
        int counter = 0, sp = 0, count = 0;

        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            int top = 0;
            Enter(root);
            while (top >= 0)
            {
                int v = callNode[top];
                int e = callEdge[top];
                if (e < off[v + 1])
                {
                    callEdge[top] = e + 1;
                    int w = tgt[e];
                    if (index[w] < 0)
                    {
                        top++;
                        Enter(w);
                    }
                    else if (membership[w] < 0)
                    {
                        // w is still on the Tarjan stack: it has an index but no component yet.
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--sp];
                        membership[w] = count;
                    }
                    while (w != v);
                    count++;
                }

                top--;
                if (top >= 0)
                {
                    int parent = callNode[top];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }

            void Enter(int v)
            {
                index[v] = low[v] = counter++;
                stack[sp++] = v;
                callNode[top] = v;
                callEdge[top] = off[v];
            }
        }

        return new ComponentsResult(membership, count);
    }
}
