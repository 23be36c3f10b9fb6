using System.Diagnostics;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Snapshot;

/// <summary>
/// An immutable in-memory view of the graph for traversal queries: dense paper indexes, the citation graph in CSR form
/// (citing → cited, with in-edges), paper–repository links both ways, and small per-paper properties. Built from a store,
/// never changed; a newer snapshot replaces it whole (<see cref="SnapshotHolder"/>), so readers never wait for writers.
/// </summary>
[DebuggerDisplay("Papers = {PaperCount}, Citations = {Citations.EdgeCount}, Repos = {RepoCount}")]
public sealed class GraphSnapshot
{
    private readonly string[] _paperIds;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _years;
    private readonly bool[] _isStub;
    private readonly int[] _communities;
    private readonly double[] _pageRanks;
    private readonly Dictionary<long, InferredCitation> _inferred;
    private readonly string[] _repoUrls;
    private readonly Dictionary<string, int> _repoIndex;
    private readonly int[] _paperRepoOffsets;
    private readonly int[] _paperRepos;
    private readonly int[] _repoPaperOffsets;
    private readonly int[] _repoPapers;
    private readonly long[] _paperKeys;

    private GraphSnapshot(SnapshotSource source, long version)
    {
        _paperIds = source.PaperIds;
        _index = new Dictionary<string, int>(_paperIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < _paperIds.Length; i++)
        {
            _index[_paperIds[i]] = i;
        }

        _years = source.Years;
        _isStub = source.IsStub;
        _communities = source.Communities;
        _pageRanks = source.PageRanks;
        Citations = CsrGraph.FromEdges(_paperIds.Length, source.CitationSources, source.CitationTargets);
        _inferred = new Dictionary<long, InferredCitation>(source.Inferred.Count);
        foreach (var edge in source.Inferred)
        {
            _inferred[Key(edge.Source, edge.Target)] = edge;
        }

        _repoUrls = source.RepoUrls;
        _repoIndex = new Dictionary<string, int>(_repoUrls.Length, StringComparer.Ordinal);
        for (var r = 0; r < _repoUrls.Length; r++)
        {
            _repoIndex[_repoUrls[r]] = r;
        }

        (_paperRepoOffsets, _paperRepos) = Group(_paperIds.Length, source.RepoLinkPapers, source.RepoLinkRepos);
        CoTopic = Symmetric(_paperIds.Length, source.CoTopicSources, source.CoTopicTargets, source.CoTopicWeights);
        (_repoPaperOffsets, _repoPapers) = Group(_repoUrls.Length, source.RepoLinkRepos, source.RepoLinkPapers);
        _paperKeys = source.PaperKeys.Length == _paperIds.Length ? source.PaperKeys : [];
        AtVersion = _paperKeys.Length == _paperIds.Length ? source.AtVersion : null;
        Version = version;
        BuiltAt = DateTimeOffset.UtcNow;
    }

    /// <summary>A snapshot of an empty graph.</summary>
    public static GraphSnapshot Empty { get; } = Build(new SnapshotSource
    {
        PaperIds = [],
        Years = [],
        IsStub = [],
        Communities = [],
        PageRanks = [],
        CitationSources = [],
        CitationTargets = [],
        Inferred = [],
        RepoUrls = [],
        RepoLinkPapers = [],
        RepoLinkRepos = [],
    });

    /// <summary>Builds a snapshot from what a store read (<see cref="ISnapshotStore.ReadSnapshotSourceAsync"/>).</summary>
    public static GraphSnapshot Build(SnapshotSource source, long version = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new GraphSnapshot(source, version);
    }

    /// <summary>Increases with every rebuild.</summary>
    public long Version { get; }

    public DateTimeOffset BuiltAt { get; }

    /// <summary>
    /// The graph version (issue 21) this snapshot shows exactly, when the store read it with every version finished and
    /// gave its paper keys; null otherwise.
    /// </summary>
    public long? AtVersion { get; }

    /// <summary>The paper with the store's key <paramref name="key"/> (<see cref="SnapshotSource.PaperKeys"/>), if any.</summary>
    public bool TryGetIndexByKey(long key, out int paper)
    {
        paper = Array.BinarySearch(_paperKeys, key);
        return paper >= 0;
    }

    /// <summary>The store's key of <paramref name="paper"/>; only when the store gave keys (<see cref="AtVersion"/> is set).</summary>
    public long PaperKey(int paper) => _paperKeys[paper];

    public int PaperCount => _paperIds.Length;

    public int RepoCount => _repoUrls.Length;

    /// <summary>Citing → cited; <see cref="CsrGraph.InNeighbors"/> gives the citing papers.</summary>
    public CsrGraph Citations { get; }

    public string PaperId(int paper) => _paperIds[paper];

    public bool TryGetIndex(string paperId, out int paper) => _index.TryGetValue(paperId, out paper);

    /// <summary>Publication year, or null when unknown.</summary>
    public int? Year(int paper) => _years[paper] == int.MinValue ? null : _years[paper];

    public bool IsStub(int paper) => _isStub[paper];

    /// <summary>Community from the last analytics run, or null.</summary>
    public int? Community(int paper) => _communities[paper] < 0 ? null : _communities[paper];

    /// <summary>PageRank from the last analytics run, or null.</summary>
    public double? PageRank(int paper) => double.IsNaN(_pageRanks[paper]) ? null : _pageRanks[paper];

    /// <summary>What is known of the citation <paramref name="citing"/> → <paramref name="cited"/>, which must exist.</summary>
    public CitationInfo Citation(int citing, int cited) =>
        _inferred.Count > 0 && _inferred.TryGetValue(Key(citing, cited), out var inferred)
            ? new CitationInfo(Inferred: true, inferred.Confidence, inferred.Evidence)
            : new CitationInfo(Inferred: false, 1.0, null);

    /// <summary>Papers sharing idf-weighted topics (CO_TOPIC), both directions stored, weighted; empty without a topic layer.</summary>
    public CsrGraph CoTopic { get; }

    /// <summary>True when some citation is inferred (otherwise every citation is explicit, and filters need no look-up).</summary>
    public bool HasInferredCitations => _inferred.Count > 0;

    public ReadOnlySpan<int> ReposOf(int paper) => _paperRepos.AsSpan(_paperRepoOffsets[paper], _paperRepoOffsets[paper + 1] - _paperRepoOffsets[paper]);

    public ReadOnlySpan<int> PapersOfRepo(int repo) => _repoPapers.AsSpan(_repoPaperOffsets[repo], _repoPaperOffsets[repo + 1] - _repoPaperOffsets[repo]);

    public string RepoUrl(int repo) => _repoUrls[repo];

    public bool TryGetRepo(string url, out int repo) => _repoIndex.TryGetValue(url, out repo);

    private static long Key(int citing, int cited) => ((long)citing << 32) | (uint)cited;

    /// <summary>
    /// CO_TOPIC is stored per paper as its top-k, so a pair may appear once or in both directions: seen from either end it
    /// is one undirected relation whose weight is the larger of the two scores (never their sum).
    /// </summary>
    private static CsrGraph Symmetric(int nodes, int[] sources, int[] targets, float[] weights)
    {
        var pairs = new Dictionary<long, float>(sources.Length);
        for (var e = 0; e < sources.Length; e++)
        {
            var (a, b) = sources[e] < targets[e] ? (sources[e], targets[e]) : (targets[e], sources[e]);
            if (a == b)
            {
                continue;
            }

            var w = weights.Length == sources.Length ? weights[e] : 1f;
            var key = Key(a, b);
            pairs[key] = pairs.TryGetValue(key, out var old) ? Math.Max(old, w) : w;
        }

        var from = new int[pairs.Count * 2];
        var to = new int[pairs.Count * 2];
        var weight = new float[pairs.Count * 2];
        var i = 0;
        foreach (var (key, w) in pairs)
        {
            var (a, b) = ((int)(key >> 32), (int)(uint)key);
            (from[i], to[i], weight[i]) = (a, b, w);
            (from[i + 1], to[i + 1], weight[i + 1]) = (b, a, w);
            i += 2;
        }

        return CsrGraph.FromEdges(nodes, from, to, weight);
    }

    /// <summary>Groups index pairs by their first element into CSR offsets and values.</summary>
    private static (int[] Offsets, int[] Values) Group(int count, int[] keys, int[] values)
    {
        var offsets = new int[count + 1];
        foreach (var k in keys)
        {
            offsets[k + 1]++;
        }

        for (var i = 0; i < count; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var grouped = new int[values.Length];
        var position = offsets[..^1];
        for (var e = 0; e < keys.Length; e++)
        {
            grouped[position[keys[e]]++] = values[e];
        }

        return (offsets, grouped);
    }
}

/// <summary>A citation's kind, confidence (1 for explicit) and evidence (the matched text of an inferred one).</summary>
public readonly record struct CitationInfo(bool Inferred, double Confidence, string? Evidence);
