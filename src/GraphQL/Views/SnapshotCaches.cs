using System.Runtime.CompilerServices;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using Microsoft.Extensions.Caching.Memory;

namespace CiteGraph.GraphQL.Views;

/// <summary>
/// Read caches that live exactly as long as one graph snapshot: paper rows read for traversal answers, and search
/// results. Traversals answer from the snapshot and then read their papers' rows from the store; on a busy server the
/// same papers (the hubs every lineage passes through) and the same searches come back again and again, and the row
/// reads were most of a lineage's time. Tying the caches to the snapshot instance keeps them as fresh as the answers'
/// structure: when the store changes the snapshot is rebuilt (in process after an ingest, or when the change monitor
/// notices an outside write), the next request sees a new snapshot and empty caches, and the old ones are collected with
/// the old snapshot. Bounded by entry count; the memory cache evicts the least recently used entries past the bound.
/// </summary>
internal sealed class SnapshotCaches
{
    /// <summary>Paper rows kept per snapshot (about 1–2 KB each with the abstract).</summary>
    public const int PaperCapacity = 20_000;

    /// <summary>Search result lists kept per snapshot.</summary>
    public const int SearchCapacity = 2_000;

    private static readonly ConditionalWeakTable<GraphSnapshot, SnapshotCaches> ForSnapshot = new();

    private readonly MemoryCache _papers = new(new MemoryCacheOptions { SizeLimit = PaperCapacity, CompactionPercentage = 0.25 });
    private readonly MemoryCache _searches = new(new MemoryCacheOptions { SizeLimit = SearchCapacity, CompactionPercentage = 0.25 });

    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };

    /// <summary>The caches of one snapshot, created on first use.</summary>
    public static SnapshotCaches Of(GraphSnapshot snapshot) => ForSnapshot.GetValue(snapshot, _ => new SnapshotCaches());

    public bool TryGetPaper(string id, out Paper paper) => _papers.TryGetValue(id, out paper!);

    public void AddPaper(Paper paper) => _papers.Set(paper.Id, paper, OneEntry);

    public bool TryGetSearch<TKey, TValue>(TKey key, out TValue value)
        where TKey : notnull => _searches.TryGetValue(key, out value!);

    public void AddSearch<TKey, TValue>(TKey key, TValue value)
        where TKey : notnull => _searches.Set(key, value, OneEntry);
}
