namespace CiteGraph.Analytics.Bench;

/// <summary>Deterministic directed preferential attachment (Barabási–Albert style): each new node cites k older nodes.</summary>
internal static class Generator
{
    public static (int[] Sources, int[] Targets) PreferentialAttachment(int nodes, int perNode, int seed)
    {
        var random = new Random(seed);
        var sources = new List<int>(nodes * perNode);
        var targets = new List<int>(nodes * perNode);
        // Every arc adds both endpoints, so sampling this list is sampling proportionally to degree.
        var endpoints = new int[2 * nodes * perNode + 2];
        int count = 0;
        var chosen = new HashSet<int>();
        for (int v = 1; v < nodes; v++)
        {
            chosen.Clear();
            int k = Math.Min(v, perNode);
            while (chosen.Count < k)
            {
                int t = v <= perNode ? random.Next(v) : endpoints[random.Next(count)];
                chosen.Add(t);
            }

            foreach (int t in chosen.Order())
            {
                sources.Add(v);
                targets.Add(t);
                endpoints[count++] = v;
                endpoints[count++] = t;
            }
        }

        return (sources.ToArray(), targets.ToArray());
    }

    public static void WritePreferentialAttachment(int nodes, int perNode, int seed, string path)
    {
        var (sources, targets) = PreferentialAttachment(nodes, perNode, seed);
        EdgeListFile.Write(path, sources, targets);
        Console.Error.WriteLine($"wrote {path}: {nodes} nodes, {sources.Length} edges");
    }
}
