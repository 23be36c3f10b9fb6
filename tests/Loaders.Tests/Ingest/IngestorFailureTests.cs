using System.Reflection;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Ingest;

public class IngestorFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_that_fails_midway_ends_the_load_with_its_error_and_keeps_the_batches_before_it(bool bulk)
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("works.jsonl");
        await File.WriteAllLinesAsync(corpus, SyntheticCorpus.Lines(new GeneratorOptions { Papers = 2_000, RefsPerPaper = 3, Seed = 3 }), Ct);
        var db = temp.File("g.db");
        await using var sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        var store = FailingUpserts.Wrap(sqlite, failOnCall: 3);

        // Small batches: the resolver fills the one-batch channel long before the reader runs dry, and must be stopped
        // when the writer fails instead of waiting for room forever (a time limit turns such a hang into a failure).
        var load = new Ingestor(store, new IngestOptions { BatchSize = 50, Bulk = bulk })
            .LoadAsync([InputFile.FromPath(corpus)], cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<IOException>(() => load.WaitAsync(TimeSpan.FromSeconds(60), Ct));

        Assert.Equal(FailingUpserts.Message, error.Message);
        Assert.Equal(100, await StoreDump.ScalarAsync(db, "SELECT count(*) FROM paper WHERE is_stub = 0"));
        Assert.Equal("ok", await StoreDump.SearchIndexCheckAsync(db));
    }

    /// <summary>The real store, except that one batch write (<see cref="IGraphStore.UpsertAsync"/> or <see cref="IGraphStore.UpsertCountingAsync"/>) fails like a full disk.</summary>
    public class FailingUpserts : DispatchProxy
    {
        public const string Message = "No space left on device (simulated)";

        private IGraphStore _inner = null!;
        private int _failOnCall;
        private int _calls;

        public static IGraphStore Wrap(IGraphStore inner, int failOnCall)
        {
            var proxy = Create<IGraphStore, FailingUpserts>();
            var self = (FailingUpserts)(object)proxy;
            (self._inner, self._failOnCall) = (inner, failOnCall);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            // The ingestor writes through UpsertCountingAsync; either way in is one batch write.
            if (targetMethod!.Name is nameof(IGraphStore.UpsertAsync) or nameof(IGraphStore.UpsertCountingAsync)
                && Interlocked.Increment(ref _calls) == _failOnCall)
            {
                return targetMethod.Name == nameof(IGraphStore.UpsertCountingAsync)
                    ? Task.FromException<int>(new IOException(Message))
                    : Task.FromException(new IOException(Message));
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
