namespace CiteGraph.Graph.Traversal;

/// <summary>
/// Per-thread arrays for breadth-first searches over a snapshot, cleared in O(1) by a generation stamp: a search on a
/// million-paper graph allocates nothing per call, which keeps p99 latency free of large-array garbage collections.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? _forThread;

    private int[] _stamp = [];
    private int[] _parent = [];
    private int[] _depth = [];
    private byte[] _side = [];
    private int _generation;

    /// <summary>This thread's scratch, sized for <paramref name="nodes"/> and reset.</summary>
    public static SearchScratch Rent(int nodes)
    {
        var scratch = _forThread ??= new SearchScratch();
        scratch.Reset(nodes);
        return scratch;
    }

    public bool Seen(int node) => _stamp[node] == _generation;

    /// <summary>Which search tree a node belongs to (1 forward, 2 backward); valid when <see cref="Seen"/>.</summary>
    public byte Side(int node) => _side[node];

    public int Parent(int node) => _parent[node];

    public int Depth(int node) => _depth[node];

    public void Mark(int node, byte side, int parent, int depth)
    {
        _stamp[node] = _generation;
        _side[node] = side;
        _parent[node] = parent;
        _depth[node] = depth;
    }

    private void Reset(int nodes)
    {
        if (_stamp.Length < nodes)
        {
            _stamp = new int[nodes];
            _parent = new int[nodes];
            _depth = new int[nodes];
            _side = new byte[nodes];
            _generation = 0;
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }
}
