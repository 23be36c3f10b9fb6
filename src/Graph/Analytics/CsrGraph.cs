using System.Diagnostics;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// An immutable compressed-sparse-row snapshot of a directed (or symmetrized undirected) graph with dense node ids
/// <c>0..NodeCount-1</c>, holding both out-adjacency (offsets/targets) and in-adjacency (offsets/sources).
/// </summary>
/// <remarks>
/// Memory: 4 bytes per edge for targets, 4 for sources and, when weighted, 4 for the <see cref="float"/> weight
/// (≤ 12 bytes per edge), plus two <c>int[NodeCount + 1]</c> offset arrays. Parallel edges are kept as given;
/// self-loops are kept in the directed graph. See <see cref="ToUndirected"/> for the symmetrized view.
/// </remarks>
[DebuggerDisplay("Nodes = {NodeCount}, Edges = {EdgeCount}, Weighted = {IsWeighted}, Undirected = {IsUndirected}")]
public sealed partial class CsrGraph
{
    private readonly int[] _outOffsets;
    private readonly int[] _targets;
    private readonly float[]? _weights;
    private readonly int[] _inOffsets;
    private readonly int[] _sources;
    private CsrGraph? _undirected;

    private CsrGraph(int[] outOffsets, int[] targets, float[]? weights, int[] inOffsets, int[] sources, bool undirected)
    {
        Debug.Assert(outOffsets.Length == inOffsets.Length, "offset arrays must both have NodeCount + 1 entries");
        Debug.Assert(outOffsets[^1] == targets.Length && inOffsets[^1] == sources.Length, "offsets must end at the edge count");
        Debug.Assert(weights is null || weights.Length == targets.Length, "weights are aligned with targets");
        _outOffsets = outOffsets;
        _targets = targets;
        _weights = weights;
        _inOffsets = inOffsets;
        _sources = sources;
        IsUndirected = undirected;
        if (undirected)
        {
            _undirected = this;
        }
    }

    /// <summary>Number of nodes; node ids are <c>0..NodeCount-1</c>.</summary>
    public int NodeCount => _outOffsets.Length - 1;

    /// <summary>Number of stored arcs. In an undirected view every undirected edge is stored twice (once per endpoint).</summary>
    public int EdgeCount => _targets.Length;

    /// <summary>Whether edges carry <see cref="float"/> weights (otherwise every weight is 1).</summary>
    public bool IsWeighted => _weights is not null;

    /// <summary>Whether this is a symmetrized undirected view (out- and in-adjacency are the same arrays).</summary>
    public bool IsUndirected { get; }

    internal int[] OutOffsets => _outOffsets;

    internal int[] Targets => _targets;

    internal float[]? Weights => _weights;

    internal int[] InOffsets => _inOffsets;

    internal int[] Sources => _sources;

    /// <summary>Out-degree of <paramref name="node"/> (number of stored out-arcs, parallel arcs counted).</summary>
    public int OutDegree(int node) => _outOffsets[node + 1] - _outOffsets[node];

    /// <summary>In-degree of <paramref name="node"/>.</summary>
    public int InDegree(int node) => _inOffsets[node + 1] - _inOffsets[node];

    /// <summary>Targets of the out-arcs of <paramref name="node"/>, in insertion order.</summary>
    public ReadOnlySpan<int> OutNeighbors(int node) => _targets.AsSpan(_outOffsets[node], OutDegree(node));

    /// <summary>Weights aligned with <see cref="OutNeighbors"/>; empty when the graph is unweighted.</summary>
    public ReadOnlySpan<float> OutWeights(int node) =>
        _weights is null ? default : _weights.AsSpan(_outOffsets[node], OutDegree(node));

    /// <summary>Sources of the in-arcs of <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> InNeighbors(int node) => _sources.AsSpan(_inOffsets[node], InDegree(node));

    /// <summary>
    /// Builds a graph from parallel arrays of arc endpoints (and optional weights, same length or empty).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an id is outside <c>0..nodeCount-1</c>, or a weight is not finite.</exception>
    public static CsrGraph FromEdges(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<float> weights = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (sources.Length != targets.Length)
        {
            throw new ArgumentException($"sources ({sources.Length}) and targets ({targets.Length}) must have the same length.", nameof(targets));
        }

        if (!weights.IsEmpty && weights.Length != sources.Length)
        {
            throw new ArgumentException($"weights ({weights.Length}) must be empty or have one entry per edge ({sources.Length}).", nameof(weights));
        }

        int m = sources.Length;
        var outOffsets = new int[nodeCount + 1];
        var inOffsets = new int[nodeCount + 1];
        for (int e = 0; e < m; e++)
        {
            int s = sources[e], t = targets[e];
            if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
            {
                throw new ArgumentException($"Edge {e} ({s} -> {t}) has a node id outside 0..{nodeCount - 1}.", nameof(sources));
            }

            if (!weights.IsEmpty && !float.IsFinite(weights[e]))
            {
                throw new ArgumentException($"Edge {e} has a non-finite weight.", nameof(weights));
            }

            outOffsets[s + 1]++;
            inOffsets[t + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            outOffsets[v + 1] += outOffsets[v];
            inOffsets[v + 1] += inOffsets[v];
        }

        var targetArr = new int[m];
        var sourceArr = new int[m];
        float[]? weightArr = weights.IsEmpty ? null : new float[m];
        var outPos = outOffsets[..^1];
        var inPos = inOffsets[..^1];
        for (int e = 0; e < m; e++)
        {
            int s = sources[e], t = targets[e];
            int p = outPos[s]++;
            targetArr[p] = t;
            if (weightArr is not null)
            {
                weightArr[p] = weights[e];
            }

            sourceArr[inPos[t]++] = s;
        }

        return new CsrGraph(outOffsets, targetArr, weightArr, inOffsets, sourceArr, undirected: false);
    }

    /// <summary>
    /// Builds an unweighted graph from arc arrays, taking <paramref name="targets"/> as the out-adjacency itself (no copy)
    /// when <paramref name="sources"/> is sorted (a store's edge stream ordered by source); otherwise as
    /// <see cref="FromEdges"/>. At a hundred million citations the copy is 400 MB; the caller must not change
    /// <paramref name="targets"/> afterwards.
    /// </summary>
    public static CsrGraph FromSortedEdges(int nodeCount, int[] sources, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (sources.Length != targets.Length)
        {
            throw new ArgumentException($"sources ({sources.Length}) and targets ({targets.Length}) must have the same length.", nameof(targets));
        }

        var outOffsets = new int[nodeCount + 1];
        var inOffsets = new int[nodeCount + 1];
        var previous = 0;
        for (var e = 0; e < sources.Length; e++)
        {
            int s = sources[e], t = targets[e];
            if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
            {
                throw new ArgumentException($"Edge {e} ({s} -> {t}) has a node id outside 0..{nodeCount - 1}.", nameof(sources));
            }

            if (s < previous)
            {
                return FromEdges(nodeCount, sources, targets);
            }

            previous = s;
            outOffsets[s + 1]++;
            inOffsets[t + 1]++;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            outOffsets[v + 1] += outOffsets[v];
            inOffsets[v + 1] += inOffsets[v];
        }

        // The in-adjacency by counting sort of the same stream: sources stay in order within each target's row, as FromEdges has them.
        var sourceArr = new int[sources.Length];
        var inPos = inOffsets[..^1];
        for (var e = 0; e < sources.Length; e++)
        {
            sourceArr[inPos[targets[e]]++] = sources[e];
        }

        return new CsrGraph(outOffsets, targets, null, inOffsets, sourceArr, undirected: false);
    }

    /// <summary>
    /// Builds a graph from string id pairs (unweighted), assigning dense ids in order of first appearance.
    /// </summary>
    /// <returns>The graph and <c>Ids</c>, where <c>Ids[v]</c> is the string id of dense node <c>v</c>.</returns>
    public static (CsrGraph Graph, string[] Ids) FromIdPairs(IEnumerable<(string From, string To)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var src = new List<int>();
        var dst = new List<int>();
        foreach (var (from, to) in pairs)
        {
            if (from is null || to is null)
            {
                throw new ArgumentException("Id pairs must not contain null ids.", nameof(pairs));
            }

            src.Add(IdOf(from));
            dst.Add(IdOf(to));
        }

        var graph = FromEdges(ids.Count, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(src),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dst));
        return (graph, ids.ToArray());

        int IdOf(string id)
        {
            if (!map.TryGetValue(id, out int v))
            {
                v = ids.Count;
                map.Add(id, v);
                ids.Add(id);
            }

            return v;
        }
    }
}
