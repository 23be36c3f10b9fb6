using System.Globalization;
using System.Runtime.CompilerServices;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// The production store: Neo4j 5.26+ over its HTTP Query API, every statement from <c>cypher/</c>, constraints and the
/// full-text index from <c>cypher/schema.cypher</c>. Same semantics as the SQLite store: papers merged from all of their
/// sources (order-independent), stubs for cited papers not yet loaded, explicit citations never replaced by inferred ones.
/// A batch is one explicit transaction of <c>UNWIND $rows … MERGE</c> statements, retried as a whole on transient errors.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private const int ReadPageSize = 10_000;

    private readonly Neo4jQueryClient _client;
    private readonly int _batchSize;
    private readonly int _snapshotPageSize;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Creates the store; <paramref name="handler"/> replaces the network (tests).</summary>
    public Neo4jGraphStore(Neo4jStoreOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = new Neo4jQueryClient(options, handler);
        _batchSize = options.BatchSize;
        _snapshotPageSize = options.SnapshotPageSize;
        Description = $"{_client.Endpoint} as {options.User}";
    }

    /// <summary>Where the store is, without the password, for messages and logs.</summary>
    public string Description { get; }

    /// <summary>The Query API client the store uses.</summary>
    public Neo4jQueryClient Client => _client;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Schema commands cannot share a transaction with writes, and the Query API takes one statement per request.
        foreach (var statement in CypherStatements.GetAll("schema"))
        {
            await _client.RunAsync(statement, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PaperIdentity> ReadIdentitiesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            var result = await RunAsync("read-identities", cancellationToken, ("after", after), ("limit", ReadPageSize)).ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                var others = row.GetList("others").Select(Neo4jRow.FromMap)
                    .Where(e => Enum.TryParse<ExternalIdKind>(e.GetString("kind"), out _))
                    .Select(e => new ExternalId(Enum.Parse<ExternalIdKind>(e.GetString("kind")), e.GetString("value")))
                    .OrderBy(e => e.Kind).ThenBy(e => e.Value, StringComparer.Ordinal)
                    .ToArray();
                yield return new PaperIdentity(
                    row.GetString("id"), row.GetStringOrNull("arxivId"), row.GetStringOrNull("doi"), row.GetStringOrNull("titleKey") ?? "",
                    row.GetInt32OrNull("year"))
                {
                    IsStub = row.GetBoolean("isStub"),
                    ExternalIds = others,
                };
                after = row.GetInt64("seq");
            }

            if (result.Rows.Count < ReadPageSize)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public async Task<Paper?> FindPaperAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var text = id.Trim();
        Neo4jResult result;
        if (PaperId.IsPaperId(text))
        {
            result = await RunAsync("paper-by-id", cancellationToken, ("id", text)).ConfigureAwait(false);
        }
        else
        {
            // An external id: normalized arXiv id or DOI when it has that shape, else any kind verbatim (OpenAlex, S2, …).
            var keys = new List<string>();
            if (Identifiers.NormalizeArxiv(text) is { } arxiv)
            {
                keys.Add(ExternalIdKey(ExternalIdKind.Arxiv, arxiv));
            }

            if (Identifiers.NormalizeDoi(text) is { } doi)
            {
                keys.Add(ExternalIdKey(ExternalIdKind.Doi, doi));
            }

            result = await RunAsync("paper-by-external-id", cancellationToken, ("keys", keys), ("raw", text)).ConfigureAwait(false);
        }

        return result.Rows.Count == 0 ? null : ReadPaper(result.Rows[0].GetMap("paper"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(ReadPageSize))
        {
            var rows = await RunAsync("papers-by-ids", cancellationToken, ("ids", chunk)).ConfigureAwait(false);
            foreach (var row in rows.Rows)
            {
                var paper = ReadPaper(row.GetMap("paper"));
                result[paper.Id] = paper;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<PaperPage> QueryPapersAsync(PaperQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First);
        var filter = await FilterParametersAsync(query.Filter, cancellationToken).ConfigureAwait(false);
        if (filter is null)
        {
            return new PaperPage([], false, 0);
        }

        var total = (await RunAsync("count-papers", filter, cancellationToken).ConfigureAwait(false)).Rows[0].GetInt32("total");
        var page = new Dictionary<string, object?>(filter) { ["after"] = query.After ?? 0, ["limit"] = query.First + 1 };
        var rows = (await RunAsync("query-papers", page, cancellationToken).ConfigureAwait(false)).Rows;
        var items = rows.Take(query.First).Select(r => (r.GetInt64("position"), ReadPaper(r.GetMap("paper")))).ToList();
        return new PaperPage(items, rows.Count > query.First, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var lucene = LuceneQuery.FromText(text);
        if (lucene is null)
        {
            return [];
        }

        var result = await RunAsync("search", cancellationToken, ("query", lucene), ("first", first)).ConfigureAwait(false);
        return result.Select(r =>
        {
            var paper = ReadPaper(r.GetMap("paper"));
            return new SearchHit(paper, r.GetDouble("score"), LuceneQuery.Snippet(paper.Title, paper.Abstract, text));
        });
    }

    /// <inheritdoc />
    public async Task<Repo?> FindRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("repo-by-url", cancellationToken, ("url", canonicalUrl)).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : ReadRepo(result.Rows[0]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Paper>> GetPapersOfRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("papers-of-repo", cancellationToken, ("url", canonicalUrl)).ConfigureAwait(false);
        return result.Select(r => ReadPaper(r.GetMap("paper")));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<RepoLink>>> GetReposOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(paperIds, "repos-of-papers", r => new RepoLink(ReadRepo(r), r.GetString("evidence")), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<WebLink>>> GetLinksOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(paperIds, "links-of-papers", r => new WebLink(r.GetString("url"), Enum.Parse<LinkKind>(r.GetString("kind"))), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<ExternalId>>> GetExternalIdsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(paperIds, "external-ids-of-papers", r => new ExternalId(Enum.Parse<ExternalIdKind>(r.GetString("kind")), r.GetString("value")), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourcesAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(paperIds, "read-sources", r => new SourceRef(r.GetString("source"), r.GetInt32("line"), r.GetString("format")), cancellationToken);

    /// <inheritdoc />
    /// <remarks>The statement the upsert reads a paper's sources with (<c>read-sources</c>): it returns every merged field.</remarks>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperRecord>>> GetSourceRecordsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(paperIds, "read-sources", ReadSourceRecord, cancellationToken);

    /// <inheritdoc />
    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var r = (await RunAsync("stats", cancellationToken).ConfigureAwait(false)).Rows[0];
        return new GraphStats(r.GetInt32("papers"), r.GetInt32("repos"), r.GetInt32("topics"), r.GetInt32("authors"),
            r.GetInt32("citations"), r.GetInt32("inferredCitations"), r.GetInt32("sources"), r.GetInt32("links"),
            r.IsNull("coTopicEdges") ? 0 : r.GetInt32("coTopicEdges"));
    }

    /// <inheritdoc />
    public async Task<long?> GetChangeVersionAsync(CancellationToken cancellationToken = default)
    {
        // Neo4j's HTTP API exposes no last-committed transaction id: the change counter every write transaction of this
        // store moves stands in for it (so replicas sharing the database see each other's writes), with the counts and the
        // last analytics run for writes made without it (older builds, GDS procedures writing on their own).
        var r = (await RunAsync("store-version", cancellationToken).ConfigureAwait(false)).Rows[0];
        return HashCode.Combine(r.GetInt64("nodes"), r.GetInt64("relationships"), r.GetInt64("analyticsRun"), r.IsNull("changes") ? 0 : r.GetInt64("changes"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => "Neo4j " + Description;

    internal static string ExternalIdKey(ExternalIdKind kind, string value) => kind.ToString() + ":" + value;

    internal static Paper ReadPaper(Neo4jRow m) => new()
    {
        Id = m.GetString("id"),
        Title = m.GetStringOrNull("title") ?? "",
        Abstract = m.GetStringOrNull("abstract"),
        Year = m.GetInt32OrNull("year"),
        Published = m.GetStringOrNull("published"),
        AuthorsCount = m.GetInt32OrNull("authorsCount"),
        Organization = m.GetStringOrNull("organization"),
        Upvotes = m.GetInt32OrNull("upvotes"),
        ArxivId = m.GetStringOrNull("arxivId"),
        Doi = m.GetStringOrNull("doi"),
        PageRank = m.GetDoubleOrNull("pageRank"),
        Betweenness = m.GetDoubleOrNull("betweenness"),
        Community = m.GetInt32OrNull("community"),
        CoreNumber = m.GetInt32OrNull("coreNumber"),
    };

    private static Repo ReadRepo(Neo4jRow r) => new(r.GetString("url"), r.GetString("host"), r.GetString("owner"), r.GetString("name"));

    private static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] values)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            parameters[name] = value;
        }

        return parameters;
    }

    private Task<Neo4jResult> RunAsync(string name, CancellationToken cancellationToken, params (string Name, object? Value)[] values) =>
        _client.RunAsync(CypherStatements.Get(name), Parameters(values), cancellationToken);

    private Task<Neo4jResult> RunAsync(string name, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        _client.RunAsync(CypherStatements.Get(name), parameters, cancellationToken);

    /// <summary>The parameters of a paper filter (null = no condition), or null when the filter cannot match anything.</summary>
    private async Task<Dictionary<string, object?>?> FilterParametersAsync(PaperFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        object? ids = null;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var lucene = LuceneQuery.FromText(filter.Text);
            if (lucene is null)
            {
                return null;
            }

            var found = await RunAsync("search-ids", cancellationToken, ("query", lucene)).ConfigureAwait(false);
            ids = found.Rows.Count == 0 ? Array.Empty<string>() : found.Rows[0].GetList("ids").Select(e => e.GetString()!).ToArray();
        }

        return Parameters(("ids", ids), ("yearFrom", filter.YearFrom), ("yearTo", filter.YearTo), ("community", filter.Community), ("hasRepo", filter.HasRepo));
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<T>>> ReadPerPaperAsync<T>(
        IReadOnlyCollection<string> paperIds, string statement, Func<Neo4jRow, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var result = new Dictionary<string, IReadOnlyList<T>>(StringComparer.Ordinal);
        foreach (var chunk in paperIds.Distinct(StringComparer.Ordinal).Chunk(ReadPageSize))
        {
            var rows = await RunAsync(statement, cancellationToken, ("ids", chunk)).ConfigureAwait(false);
            foreach (var row in rows.Rows)
            {
                var id = row.GetString("paperId");
                if (!result.TryGetValue(id, out var list))
                {
                    result[id] = list = new List<T>();
                }

                ((List<T>)list).Add(map(row));
            }
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> in one explicit transaction, committed at the end, retried as a whole on transient errors.</summary>
    private Task<T> InTransactionAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _client.RetryAsync(
            async ct =>
            {
                var tx = _client.BeginTransaction();
                await using (tx.ConfigureAwait(false))
                {
                    var value = await work(tx, ct).ConfigureAwait(false);
                    await tx.CommitAsync(ct).ConfigureAwait(false);
                    return value;
                }
            },
            cancellationToken);

    /// <summary>
    /// <see cref="InTransactionAsync{T}"/> for writes: the transaction ends by moving the store's change counter
    /// (<c>count-change</c>), so every replica polling <see cref="GetChangeVersionAsync"/> sees the commit.
    /// </summary>
    private Task<T> InWriteTransactionAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (tx, ct) =>
            {
                var value = await work(tx, ct).ConfigureAwait(false);
                await tx.RunAsync(CypherStatements.Get("count-change"), null, ct).ConfigureAwait(false);
                return value;
            },
            cancellationToken);

    /// <summary>
    /// Runs a statement writing CITES once per chunk of <paramref name="rows"/>, with <c>$version</c>: the version (issue 21)
    /// that created a citation is kept on it (null outside a run).
    /// </summary>
    private async Task<List<Neo4jResult>> RunCitationBatchesAsync<TRow>(
        Neo4jTransaction tx, string name, IReadOnlyList<TRow> rows, long? version, CancellationToken cancellationToken)
    {
        var results = new List<Neo4jResult>();
        var statement = CypherStatements.Get(name);
        foreach (var chunk in rows.Chunk(_batchSize))
        {
            results.Add(await tx.RunAsync(statement, Parameters(("rows", chunk), ("version", version)), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Runs a statement once per chunk of <paramref name="rows"/> (<c>UNWIND $rows</c>), in the transaction.</summary>
    private async Task<List<Neo4jResult>> RunBatchesAsync<TRow>(
        Neo4jTransaction tx, string name, IReadOnlyList<TRow> rows, CancellationToken cancellationToken, string parameter = "rows")
    {
        var results = new List<Neo4jResult>();
        var statement = CypherStatements.Get(name);
        foreach (var chunk in rows.Chunk(_batchSize))
        {
            results.Add(await tx.RunAsync(statement, Parameters((parameter, chunk)), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static string Invariant(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
