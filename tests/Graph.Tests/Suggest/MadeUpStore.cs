using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Suggest;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>A real SQLite file holding made-up papers and citations (<see cref="MadeUpPapers"/>), with its suggestion corpus.</summary>
internal sealed class MadeUpStore : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly SqliteGraphStore _store;

    private MadeUpStore(TempDirectory dir, SqliteGraphStore store, SuggestionCorpus corpus) => (_dir, _store, Corpus) = (dir, store, corpus);

    public SuggestionCorpus Corpus { get; }

    public static async Task<MadeUpStore> CreateAsync(IReadOnlyList<ResolvedRecord> papers, IReadOnlyList<Citation> citations)
    {
        var dir = new TempDirectory();
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("papers.db") });
        await store.InitializeAsync();
        await store.UpsertAsync(papers);
        await store.UpsertCitationsAsync(citations);
        var snapshot = await new SnapshotHolder(store).RebuildAsync();
        return new MadeUpStore(dir, store, await SuggestionCorpus.BuildAsync(store, snapshot));
    }

    /// <summary>The paper's dense index in the corpus's snapshot.</summary>
    public int Index(string arxiv) => MadeUpPapers.Index(Corpus, arxiv);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }
}
