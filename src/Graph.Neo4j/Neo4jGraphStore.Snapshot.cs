namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Read in pages (<see cref="Neo4jStoreOptions.SnapshotPageSize"/> papers each, keyset pagination on the indexed
    /// <c>seq</c>) straight into compact arrays: the process holds the arrays and one page of JSON, never the whole graph
    /// as one result. Relationships name their ends by <c>seq</c> (a number, not an id string), which a binary search over
    /// the papers' sorted <c>seq</c>s turns into positions. All pages are read in one transaction.
    /// </remarks>
    public Task<SnapshotSource> ReadSnapshotSourceAsync(CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            async (tx, ct) =>
            {
                var papers = await ReadSnapshotPapersAsync(tx, ct).ConfigureAwait(false);
                var seqs = papers.Seqs.ToArray();

                var sources = new List<int>();
                var targets = new List<int>();
                var inferred = new List<InferredCitation>();
                await ReadSnapshotPagesAsync(tx, "snapshot-citations-page", "target", seqs, (s, row) =>
                {
                    if (Position(seqs, row.GetInt64("target")) is not { } t)
                    {
                        return;
                    }

                    sources.Add(s);
                    targets.Add(t);
                    if (row.GetBoolean("inferred"))
                    {
                        inferred.Add(new InferredCitation(s, t, row.GetDoubleOrNull("confidence") ?? 0, row.GetStringOrNull("evidence")));
                    }
                }, ct).ConfigureAwait(false);

                var repoIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                var linkPapers = new List<int>();
                var linkRepos = new List<int>();
                await ReadSnapshotPagesAsync(tx, "snapshot-repo-links-page", "url", seqs, (p, row) =>
                {
                    var url = row.GetString("url");
                    if (!repoIndex.TryGetValue(url, out var r))
                    {
                        repoIndex[url] = r = repoIndex.Count;
                    }

                    linkPapers.Add(p);
                    linkRepos.Add(r);
                }, ct).ConfigureAwait(false);

                var coSources = new List<int>();
                var coTargets = new List<int>();
                var coWeights = new List<float>();
                await ReadSnapshotPagesAsync(tx, "snapshot-co-topic-page", "target", seqs, (s, row) =>
                {
                    if (Position(seqs, row.GetInt64("target")) is { } t)
                    {
                        coSources.Add(s);
                        coTargets.Add(t);
                        coWeights.Add((float)row.GetDouble("weight"));
                    }
                }, ct).ConfigureAwait(false);

                var repoUrls = new string[repoIndex.Count];
                foreach (var (url, position) in repoIndex)
                {
                    repoUrls[position] = url;
                }

                return new SnapshotSource
                {
                    PaperIds = papers.Ids.ToArray(),
                    Years = papers.Years.ToArray(),
                    IsStub = papers.IsStub.ToArray(),
                    Communities = papers.Communities.ToArray(),
                    PageRanks = papers.PageRanks.ToArray(),
                    CitationSources = sources.ToArray(),
                    CitationTargets = targets.ToArray(),
                    Inferred = inferred,
                    RepoUrls = repoUrls,
                    RepoLinkPapers = linkPapers.ToArray(),
                    RepoLinkRepos = linkRepos.ToArray(),
                    CoTopicSources = coSources.ToArray(),
                    CoTopicTargets = coTargets.ToArray(),
                    CoTopicWeights = coWeights.ToArray(),
                };
            },
            cancellationToken);

    /// <summary>Every paper (stubs included) in load order, page by page.</summary>
    private async Task<SnapshotPapers> ReadSnapshotPapersAsync(Neo4jTransaction tx, CancellationToken ct)
    {
        var papers = new SnapshotPapers();
        var statement = CypherStatements.Get("snapshot-papers-page");
        var after = -1L;
        while (true)
        {
            var page = await tx.RunAsync(statement, Parameters(("after", after), ("limit", _snapshotPageSize)), ct).ConfigureAwait(false);
            foreach (var row in page.Rows)
            {
                papers.Seqs.Add(after = row.GetInt64("seq"));
                papers.Ids.Add(row.GetString("id"));
                papers.Years.Add(row.GetInt32OrNull("year") ?? int.MinValue);
                papers.IsStub.Add(row.GetBoolean("isStub"));
                papers.Communities.Add(row.GetInt32OrNull("community") ?? -1);
                papers.PageRanks.Add(row.GetDoubleOrNull("pageRank") ?? double.NaN);
            }

            if (page.Rows.Count < _snapshotPageSize)
            {
                return papers;
            }
        }
    }

    /// <summary>
    /// Runs a relationship page statement (<c>pageSize</c>, <c>cursor</c> = the anchor paper's seq, <paramref name="end"/> null in
    /// the one row of an anchor without relationships) from the first page to the last, handing each row whose anchor is among
    /// <paramref name="seqs"/> to <paramref name="row"/> with the anchor's position.
    /// </summary>
    private async Task ReadSnapshotPagesAsync(
        Neo4jTransaction tx, string name, string end, long[] seqs, Action<int, Neo4jRow> row, CancellationToken ct)
    {
        var statement = CypherStatements.Get(name);
        var after = -1L;
        while (true)
        {
            var page = await tx.RunAsync(statement, Parameters(("after", after), ("limit", _snapshotPageSize)), ct).ConfigureAwait(false);
            if (page.Rows.Count == 0)
            {
                return;
            }

            foreach (var r in page.Rows)
            {
                after = r.GetInt64("cursor");
                // A paper created after the papers were read (a concurrent load) is not in this snapshot: nor are its links.
                if (!r.IsNull(end) && Position(seqs, after) is { } anchor)
                {
                    row(anchor, r);
                }
            }

            if (page.Rows[^1].GetInt64("pageSize") < _snapshotPageSize)
            {
                return;
            }
        }
    }

    /// <summary>The position of the paper with <paramref name="seq"/> in the snapshot (sorted seqs), or null when it is not in it.</summary>
    private static int? Position(long[] seqs, long seq)
    {
        var i = Array.BinarySearch(seqs, seq);
        return i >= 0 ? i : null;
    }

    /// <summary>The papers' columns, in load order.</summary>
    private sealed class SnapshotPapers
    {
        public List<long> Seqs { get; } = [];
        public List<string> Ids { get; } = [];
        public List<int> Years { get; } = [];
        public List<bool> IsStub { get; } = [];
        public List<int> Communities { get; } = [];
        public List<double> PageRanks { get; } = [];
    }
}
