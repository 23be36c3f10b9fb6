using System.Reflection;
using System.Text.Json;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// A field the store behind the server cannot answer yet (the Neo4j store's change feed and asOf answers, issue 21) is an
/// error with code <c>NOT_SUPPORTED_BY_STORE</c> and the store's own message, through the schema's executer, never
/// <c>INTERNAL</c> with a generic message. The store is a real SQLite file whose
/// history-as-of answers are replaced by the refusal the Neo4j store gives.
/// </summary>
public sealed class StoreCannotAnswerTests : IAsyncDisposable
{
    private const string Message = "This store cannot answer that yet; use the SQLite store.";

    private readonly TempDirectory _dir = new();
    private readonly SqliteGraphStore _sqlite;

    public StoreCannotAnswerTests() => _sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("refuse.db") });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_field_the_store_cannot_answer_yet_is_a_coded_error_with_the_stores_message()
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 50, RefsPerPaper = 3, Seed = 5 });
        await new Ingestor(_sqlite).LoadAsync([InputFile.FromPath(_dir.Write("a.jsonl", string.Join('\n', lines)))], cancellationToken: Ct);
        var store = RefusingStore.Wrap(_sqlite);
        await using var services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();

        foreach (var field in new[] { "ranking(metric: CITATIONS, asOf: \"v1\") { rank }", "changes(since: \"v1\") { edges { node { kind } } }" })
        {
            var response = await services.ResponseAsync($"{{ {field} }}");
            var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
            Assert.Equal("NOT_SUPPORTED_BY_STORE", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(Message, error.GetProperty("message").GetString());
        }
    }

    /// <summary>Forwards every call but the history-as-of ones, which it refuses as a store that does not record them would.</summary>
    public class RefusingStore : DispatchProxy
    {
        private IGraphStore _inner = null!;

        public static IGraphStore Wrap(IGraphStore inner)
        {
            var proxy = Create<IGraphStore, RefusingStore>();
            ((RefusingStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name is nameof(IVersionLog.RankAsOfAsync) or nameof(IVersionLog.ReadChangesAsync) or nameof(IVersionLog.FindPaperAsOfAsync)
                ? throw new StoreCannotAnswerException(Message)
                : targetMethod.Invoke(_inner, args);
    }
}
