using System.Reflection;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Ingest;

public class IngestorBatchingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_large_load_starts_with_a_small_batch_and_doubles_it_up_to_the_batch_size()
    {
        // The writer waits for the first batch while the reader warms up: a small first batch starts it early.
        var sizes = await BatchSizesAsync(papers: 5_000, batchSize: 1_500);

        Assert.Equal([1_000, 1_500, 1_500, 1_000], sizes);
    }

    [Fact]
    public async Task A_batch_size_below_the_first_batch_is_used_from_the_start()
    {
        var sizes = await BatchSizesAsync(papers: 120, batchSize: 50);

        Assert.Equal([50, 50, 20], sizes);
    }

    private static async Task<List<int>> BatchSizesAsync(int papers, int batchSize)
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("works.jsonl");
        await File.WriteAllLinesAsync(corpus, SyntheticCorpus.Lines(new GeneratorOptions { Papers = papers, RefsPerPaper = 1, Seed = 5 }), Ct);
        await using var sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });
        var sizes = new List<int>();
        var report = await new Ingestor(BatchRecorder.Wrap(sqlite, sizes), new IngestOptions { BatchSize = batchSize })
            .LoadAsync([InputFile.FromPath(corpus)], cancellationToken: Ct);

        Assert.Equal(papers, report.Loaded);
        Assert.Equal(papers, sizes.Sum());
        return sizes;
    }

    /// <summary>The real store, recording the size of each batch written.</summary>
    public class BatchRecorder : DispatchProxy
    {
        private IGraphStore _inner = null!;
        private List<int> _sizes = null!;

        public static IGraphStore Wrap(IGraphStore inner, List<int> sizes)
        {
            var proxy = Create<IGraphStore, BatchRecorder>();
            var self = (BatchRecorder)(object)proxy;
            (self._inner, self._sizes) = (inner, sizes);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name is nameof(IGraphStore.UpsertAsync) or nameof(IGraphStore.UpsertCountingAsync))
            {
                _sizes.Add(((IReadOnlyList<ResolvedRecord>)args![0]!).Count);
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
