namespace CiteGraph.Graph.Traversal;

/// <summary>
/// Per-thread residual and estimate arrays for <see cref="PersonalizedPush"/>, cleared in O(1) by a generation stamp, with
/// the list of papers that received an estimate so the result is copied out without scanning the whole graph.
/// </summary>
internal sealed class PushScratch
{
    [ThreadStatic]
    private static PushScratch? _forThread;

    private int[] _stamp = [];
    private double[] _residual = [];
    private double[] _estimate = [];
    private readonly List<int> _estimated = [];
    private int _generation;

    public Queue<int> Queue { get; } = new();

    /// <summary>This thread's scratch, sized for <paramref name="nodes"/> and reset.</summary>
    public static PushScratch Rent(int nodes)
    {
        var scratch = _forThread ??= new PushScratch();
        scratch.Reset(nodes);
        return scratch;
    }

    public double Residual(int node) => _stamp[node] == _generation ? _residual[node] : 0;

    public void AddResidual(int node, double amount)
    {
        Touch(node);
        _residual[node] += amount;
    }

    public void ClearResidual(int node) => _residual[node] = 0;

    public void AddEstimate(int node, double amount)
    {
        Touch(node);
        if (_estimate[node] == 0)
        {
            _estimated.Add(node);
        }

        _estimate[node] += amount;
    }

    /// <summary>The papers that received mass, with their estimates.</summary>
    public Dictionary<int, double> Estimates()
    {
        var result = new Dictionary<int, double>(_estimated.Count);
        foreach (var node in _estimated)
        {
            result[node] = _estimate[node];
        }

        return result;
    }

    private void Touch(int node)
    {
        if (_stamp[node] != _generation)
        {
            _stamp[node] = _generation;
            _residual[node] = 0;
            _estimate[node] = 0;
        }
    }

    private void Reset(int nodes)
    {
        if (_stamp.Length < nodes)
        {
            _stamp = new int[nodes];
            _residual = new double[nodes];
            _estimate = new double[nodes];
            _generation = 0;
        }

        _estimated.Clear();
        Queue.Clear();
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }
}
