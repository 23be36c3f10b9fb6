using System.Runtime.CompilerServices;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<PaperText> ReadPaperTextsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            var result = await RunAsync("read-paper-texts", cancellationToken, ("after", after), ("limit", ReadPageSize)).ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                yield return ReadPaperText(row);
                after = row.GetInt64("seq");
            }

            if (result.Rows.Count < ReadPageSize)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public async Task WriteTopicGraphAsync(TopicGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        cancellationToken.ThrowIfCancellationRequested();
        var topics = graph.Topics.Select(t => new TopicRow(
            t.Id, t.Name, [.. t.Aliases], t.Df, t.Idf, TopicYears.ToJson(t.ByYear), t.Growth,
            // Each name as written (lower-cased) and its canonical key, so a look-up by any variant finds it.
            t.Aliases.Prepend(t.Name).SelectMany(a => new[] { a.ToLowerInvariant(), KeyAlias(a) }).Distinct(StringComparer.Ordinal).ToArray())).ToList();
        var hasTopic = graph.HasTopic.Select(h => new HasTopicLinkRow(h.PaperId, graph.Topics[h.Topic].Name, h.Weight)).ToList();
        var coTopic = graph.CoTopic.Select(CoTopicLinkRow.From).ToList();
        var broader = graph.Broader.Select(b => new BroaderLinkRow(graph.Topics[b.Narrower].Name, graph.Topics[b.Broader].Name)).ToList();
        var coOccurs = graph.CoOccurs.Select(c => new CoOccursLinkRow(graph.Topics[c.First].Name, graph.Topics[c.Second].Name, c.Count, c.Pmi)).ToList();

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Replaced as a whole in one transaction: readers see the old layer or the new one.
            await InWriteTransactionAsync(
                async (tx, ct) =>
                {
                    await tx.RunAsync(CypherStatements.Get("delete-topic-layer"), null, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-topics", topics, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-has-topic", hasTopic, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-co-topic", coTopic, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-co-occurs", coOccurs, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-topic-broader", broader, ct).ConfigureAwait(false);
                    return 0;
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> ReplaceInferredCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default)
    {
        CitationRules.RequireInferred(citations);

        cancellationToken.ThrowIfCancellationRequested();
        var rows = citations.Select(c => new CitationRow(c.From, c.To, "inferred", c.Confidence, c.Evidence)).ToList();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // upsert-citations skips a pair cited explicitly, so an inference never shadows a stated citation.
            var version = await OpenVersionAsync(cancellationToken).ConfigureAwait(false);
            return await InWriteTransactionAsync(
                async (tx, ct) =>
                {
                    await tx.RunAsync(CypherStatements.Get("delete-inferred-citations"), null, ct).ConfigureAwait(false);
                    return (await RunCitationBatchesAsync(tx, "upsert-citations", rows, version, ct).ConfigureAwait(false))
                        .Sum(r => r.Rows.Count == 0 ? 0 : r.Rows[0].GetInt32("written"));
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<Topic?> FindTopicAsync(string nameOrAlias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        var text = nameOrAlias.Trim();
        var result = await RunAsync("topic-by-name", cancellationToken, ("raw", text), ("alias", text.ToLowerInvariant()), ("key", KeyAlias(text)))
            .ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : ReadTopic(result.Rows[0].GetMap("topic"));
    }

    /// <inheritdoc />
    public async Task<Page<Topic>> GetTopicsAsync(int first, int after, TopicOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var result = await RunAsync("topics", cancellationToken, ("first", first), ("after", after), ("order", order.ToString().ToLowerInvariant())).ConfigureAwait(false);
        if (result.Rows.Count == 0)
        {
            return new Page<Topic>([], 0);
        }

        var row = result.Rows[0];
        return new Page<Topic>(row.GetList("items").Select(Neo4jRow.FromMap).Select(ReadTopic).ToList(), row.GetInt32("total"));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperTopic>>> GetTopicsOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(paperIds, "topics-of-papers", r => new PaperTopic(ReadTopic(r.GetMap("topic")), r.GetDouble("weight")), cancellationToken);

    /// <inheritdoc />
    public async Task<Page<Paper>> GetPapersOfTopicAsync(string topicName, int first, int after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var result = await RunAsync("papers-of-topic", cancellationToken, ("name", topicName), ("first", first), ("after", after)).ConfigureAwait(false);
        if (result.Rows.Count == 0)
        {
            return new Page<Paper>([], 0);
        }

        var row = result.Rows[0];
        return new Page<Paper>(row.GetList("papers").Select(Neo4jRow.FromMap).Select(ReadPaper).ToList(), row.GetInt32("total"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RelatedTopic>> GetRelatedTopicsAsync(string topicName, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var result = await RunAsync("related-topics", cancellationToken, ("name", topicName), ("first", first)).ConfigureAwait(false);
        return result.Select(r => new RelatedTopic(ReadTopic(r.GetMap("topic")), r.GetInt32("papers"), r.GetDouble("pmi")));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CoTopicPaper>> GetCoTopicPapersAsync(string paperId, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var result = await RunAsync("co-topic-papers", cancellationToken, ("id", paperId), ("first", first)).ConfigureAwait(false);
        return result.Select(r =>
        {
            var weight = r.GetDouble("weight");
            return new CoTopicPaper(ReadPaper(r.GetMap("paper")), weight, ReadReasons(r, weight));
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CoTopicPaper>>> GetCoTopicPapersOfPapersAsync(IReadOnlyCollection<string> paperIds, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        if (paperIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<CoTopicPaper>>(StringComparer.Ordinal);
        }

        var result = await RunAsync("co-topic-papers-of-papers", cancellationToken, ("ids", paperIds.ToArray()), ("first", first)).ConfigureAwait(false);
        return result.Rows
            .GroupBy(r => r.GetString("id"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CoTopicPaper>)g.Select(r =>
            {
                var weight = r.GetDouble("weight");
                return new CoTopicPaper(ReadPaper(r.GetMap("paper")), weight, ReadReasons(r, weight));
            }).ToList(), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Topic>>> GetTopicHierarchyAsync(IReadOnlyCollection<string> topicNames, TopicRelation relation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicNames);
        if (topicNames.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<Topic>>(StringComparer.Ordinal);
        }

        var result = await RunAsync("topic-hierarchy", cancellationToken, ("names", topicNames.ToArray()), ("narrower", relation == TopicRelation.Narrower)).ConfigureAwait(false);
        return result.Rows
            .GroupBy(r => r.GetString("name"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Topic>)g.Select(r => ReadTopic(r.GetMap("topic"))).ToList(), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<PaperPair, IReadOnlyList<CoTopicReason>>> GetCoTopicEvidenceAsync(IReadOnlyCollection<PaperPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var evidence = new Dictionary<PaperPair, IReadOnlyList<CoTopicReason>>();
        if (pairs.Count == 0)
        {
            return evidence;
        }

        var result = await RunAsync("co-topic-evidence", cancellationToken, ("pairs", pairs.Select(p => new[] { p.PaperId, p.OtherId }).ToArray())).ConfigureAwait(false);
        foreach (var r in result.Rows)
        {
            evidence.TryAdd(new PaperPair(r.GetString("a"), r.GetString("b")), ReadReasons(r, r.GetDouble("weight")));
        }

        return evidence;
    }

    // Reasons with what each contributed; edges written before the contributions were stored get the edge's weight.
    private static CoTopicReason[] ReadReasons(Neo4jRow r, double weight)
    {
        var names = r.GetList("reasons");
        var weights = r.GetList("reasonWeights").ToArray();
        return names.Select((t, i) => new CoTopicReason(CoTopicReasons.Kind, t.GetString()!, i < weights.Length ? weights[i].GetDouble() : weight)).ToArray();
    }

    /// <inheritdoc />
    public Task<EdgeList> ReadCoTopicGraphAsync(CancellationToken cancellationToken = default) =>
        // One transaction, so that nodes and edges come from the same state even while a derive pass writes.
        InTransactionAsync(
            async (tx, ct) =>
            {
                var (ids, index) = await ReadCitationNodesAsync(tx, ct).ConfigureAwait(false);

                var (sources, targets, weights) = await ReadCoTopicEdgesAsync(tx, index, ct).ConfigureAwait(false);
                return new EdgeList(ids, sources, targets, weights);
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<Page<CitationLink>> GetCitationsAsync(CitationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First);
        ArgumentOutOfRangeException.ThrowIfNegative(query.After);
        var result = await RunAsync(
            "citations-of-paper",
            cancellationToken,
            ("id", query.PaperId),
            ("outgoing", query.Direction == CitationDirection.Cites),
            ("kind", query.Kind switch { null => null, CitationKind.Explicit => "explicit", _ => "inferred" }),
            ("minConfidence", query.MinConfidence),
            ("first", query.First),
            ("after", query.After)).ConfigureAwait(false);
        if (result.Rows.Count == 0)
        {
            return new Page<CitationLink>([], 0);
        }

        var row = result.Rows[0];
        var items = row.GetList("items").Select(Neo4jRow.FromMap).Select(c => new CitationLink(
            ReadPaper(c.GetMap("paper")),
            c.GetString("kind") == "explicit" ? CitationKind.Explicit : CitationKind.Inferred,
            c.GetDouble("confidence"),
            c.GetStringOrNull("evidence"))).ToList();
        return new Page<CitationLink>(items, row.GetInt32("total"));
    }

    /// <summary>Every CO_TOPIC relationship as dense index pairs with its weight, in position order.</summary>
    private static async Task<(int[] Sources, int[] Targets, float[] Weights)> ReadCoTopicEdgesAsync(
        Neo4jTransaction tx, Dictionary<string, int> index, CancellationToken cancellationToken)
    {
        var edges = await tx.RunAsync(CypherStatements.Get("co-topic-edges"), null, cancellationToken).ConfigureAwait(false);
        var sources = new List<int>(edges.Rows.Count);
        var targets = new List<int>(edges.Rows.Count);
        var weights = new List<float>(edges.Rows.Count);
        foreach (var row in edges.Rows)
        {
            if (index.TryGetValue(row.GetString("source"), out var s) && index.TryGetValue(row.GetString("target"), out var t))
            {
                sources.Add(s);
                targets.Add(t);
                weights.Add((float)row.GetDouble("weight"));
            }
        }

        return ([.. sources], [.. targets], [.. weights]);
    }

    // Canonical keys are stored beside the lower-cased names with a prefix no written name has (as the SQLite store does).
    private static string KeyAlias(string name) => "\u0001" + TopicKey.Of(name);

    /// <summary>A mentioned id stored as <c>Kind:value</c>; null for a kind this build does not know.</summary>
    private static ExternalId? ParseMention(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Enum.TryParse<ExternalIdKind>(key[..colon], out var kind) ? new ExternalId(kind, key[(colon + 1)..]) : null;
    }

    private static Topic ReadTopic(Neo4jRow m) =>
        new(m.GetString("name"), m.GetList("aliases").Select(a => a.GetString()!).ToArray(), m.GetInt32("df"))
        {
            Idf = m.GetDoubleOrNull("idf") ?? 0,
            ByYear = TopicYears.FromJson(m.GetStringOrNull("byYear")),
            Growth = m.GetDoubleOrNull("growth"),
        };

    private sealed record TopicRow(string Id, string Name, string[] Aliases, int Df, double Idf, string ByYear, double? Growth, string[] Lookup);

    private sealed record HasTopicLinkRow(string PaperId, string Topic, double Weight);

    private sealed record CoTopicLinkRow(string PaperId, string OtherId, double Weight, int Shared, string[] Reasons, double[] ReasonWeights)
    {
        /// <summary>The row of a co-topic edge; a reason without its own weight (edges written before weights) gets the edge's.</summary>
        public static CoTopicLinkRow From(CoTopicRow c) =>
            new(c.PaperId, c.OtherId, c.Weight, c.Shared, [.. c.Reasons], [.. c.Reasons.Select((_, i) => i < c.ReasonWeights.Count ? c.ReasonWeights[i] : c.Weight)]);
    }

    private sealed record BroaderLinkRow(string Narrower, string Broader);

    private sealed record CoOccursLinkRow(string First, string Second, int Count, double Pmi);
}
