namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    public Task<SnapshotSource> ReadSnapshotSourceAsync(CancellationToken cancellationToken = default) =>
        // One transaction: nodes, citations, repository links and co-topic links from the same state.
        InTransactionAsync(
            async (tx, ct) =>
            {
                var papers = await tx.RunAsync(CypherStatements.Get("snapshot-papers"), null, ct).ConfigureAwait(false);
                var ids = papers.Select(r => r.GetString("id")).ToArray();
                var index = PositionsOf(ids);

                var citations = await tx.RunAsync(CypherStatements.Get("snapshot-citations"), null, ct).ConfigureAwait(false);
                var sources = new List<int>(citations.Rows.Count);
                var targets = new List<int>(citations.Rows.Count);
                var inferred = new List<InferredCitation>();
                foreach (var row in citations.Rows)
                {
                    if (!index.TryGetValue(row.GetString("source"), out var s) || !index.TryGetValue(row.GetString("target"), out var t))
                    {
                        continue;
                    }

                    sources.Add(s);
                    targets.Add(t);
                    if (row.GetBoolean("inferred"))
                    {
                        inferred.Add(new InferredCitation(s, t, row.GetDoubleOrNull("confidence") ?? 0, row.GetStringOrNull("evidence")));
                    }
                }

                var links = await tx.RunAsync(CypherStatements.Get("snapshot-repo-links"), null, ct).ConfigureAwait(false);
                var repoIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                var linkPapers = new List<int>();
                var linkRepos = new List<int>();
                foreach (var row in links.Rows)
                {
                    if (!index.TryGetValue(row.GetString("paperId"), out var p))
                    {
                        continue;
                    }

                    var url = row.GetString("url");
                    if (!repoIndex.TryGetValue(url, out var r))
                    {
                        repoIndex[url] = r = repoIndex.Count;
                    }

                    linkPapers.Add(p);
                    linkRepos.Add(r);
                }

                var (coSources, coTargets, coWeights) = await ReadCoTopicEdgesAsync(tx, index, ct).ConfigureAwait(false);
                return new SnapshotSource
                {
                    PaperIds = ids,
                    Years = papers.Select(r => r.GetInt32OrNull("year") ?? int.MinValue).ToArray(),
                    IsStub = papers.Select(r => r.GetBoolean("isStub")).ToArray(),
                    Communities = papers.Select(r => r.GetInt32OrNull("community") ?? -1).ToArray(),
                    PageRanks = papers.Select(r => r.GetDoubleOrNull("pageRank") ?? double.NaN).ToArray(),
                    CitationSources = [.. sources],
                    CitationTargets = [.. targets],
                    Inferred = inferred,
                    RepoUrls = repoIndex.OrderBy(e => e.Value).Select(e => e.Key).ToArray(),
                    RepoLinkPapers = [.. linkPapers],
                    RepoLinkRepos = [.. linkRepos],
                    CoTopicSources = coSources,
                    CoTopicTargets = coTargets,
                    CoTopicWeights = coWeights,
                };
            },
            cancellationToken);
}
