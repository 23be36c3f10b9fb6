namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// What a batch's set-based writer tracks while it inserts the papers the batch creates (and the stubs their references
/// need): primary keys assigned here, ids found already taken, and the papers whose few extra rows go in afterwards.
/// Records that touch a paper already stored go the row-by-row merge path instead.
/// </summary>
internal sealed class FreshRows(long firstPk, bool collectSearchRows = false)
{
    public long NextPk { get; private set; } = firstPk;

    /// <summary>The new papers' text as written, for a search index built beside the writer (<see cref="BulkSearchIndexer"/>); null when there is none.</summary>
    public List<SearchRow>? SearchRows { get; } = collectSearchRows ? [] : null;

    /// <summary>Paper id → primary key of every paper or stub this batch creates.</summary>
    public Dictionary<string, long> Created { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids the store already gave another row: (kind, value, the new paper's key); their stubs merge at the end.</summary>
    public List<(string Kind, string Value, long Pk)> TakenIds { get; } = [];

    /// <summary>Papers whose repositories, links, mentions and keywords are written row by row after the rest.</summary>
    public List<(long Pk, Model.PaperRecord Record)> Extras { get; } = [];

    /// <summary>What <see cref="CachedTargets"/> gives a reference the cache does not hold.</summary>
    public const long NotCached = 0; // primary keys start at 1

    private long[] _targets = new long[64];

    /// <summary>
    /// The cached key of each reference, <see cref="NotCached"/> where there is none, in the first
    /// <c>references.Count</c> entries of a buffer reused by the next call. Looked up
    /// together before any is written: each look-up is a cache miss in a table of millions of keys, and back to back the
    /// processor overlaps them, where a citation insert between two look-ups (thousands of instructions) keeps them apart.
    /// </summary>
    public long[] CachedTargets(PaperKeysByExternalId cache, IReadOnlyList<Model.ExternalId> references)
    {
        if (references.Count > _targets.Length)
        {
            _targets = new long[Math.Max(references.Count, _targets.Length * 2)];
        }

        for (var i = 0; i < references.Count; i++)
        {
            _targets[i] = cache.TryGetValue(references[i], out var key) ? key : NotCached;
        }

        return _targets;
    }

    public long Allocate(string paperId)
    {
        var pk = NextPk++;
        Created.Add(paperId, pk);
        return pk;
    }
}
