using System.Globalization;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    public async Task<FullDeriveMark?> ReadFullDeriveAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("read-full-derive", cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0
            ? null
            : new FullDeriveMark(result.Rows[0].GetInt32("papers"), DateTimeOffset.Parse(result.Rows[0].GetString("at"), CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public async Task WriteFullDeriveAsync(FullDeriveMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunAsync("write-full-derive", cancellationToken, ("papers", mark.Papers), ("at", Invariant(mark.At))).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaperText>> ReadPaperTextsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var texts = new List<(long Seq, PaperText Text)>();
        foreach (var chunk in paperIds.Distinct(StringComparer.Ordinal).Chunk(ReadPageSize))
        {
            var result = await RunAsync("read-paper-texts-by-ids", cancellationToken, ("ids", chunk)).ConfigureAwait(false);
            texts.AddRange(result.Rows.Select(row => (row.GetInt64("seq"), ReadPaperText(row))));
        }

        return [.. texts.OrderBy(t => t.Seq).Select(t => t.Text)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Topic>> ReadTopicsAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("read-all-topics", cancellationToken).ConfigureAwait(false);
        return result.Select(r => ReadTopic(r.GetMap("topic")));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadTopicPapersAsync(
        IReadOnlyCollection<string> topicIds, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var postings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var id in topicIds.Distinct(StringComparer.Ordinal))
        {
            var result = await RunAsync("topic-papers", cancellationToken, ("topic", id), ("limit", limit)).ConfigureAwait(false);
            postings[id] = result.Select(r => r.GetString("paperId"));
        }

        return postings;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<TopicAssignment>>> ReadPaperTopicsAsync(
        IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(paperIds, "topic-ids-of-papers", r => new TopicAssignment(r.GetString("paperId"), r.GetString("topicId"), r.GetDouble("weight")), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CoTopicRow>> ReadCoTopicRowsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var rows = new List<CoTopicRow>();
        foreach (var chunk in paperIds.Distinct(StringComparer.Ordinal).Chunk(ReadPageSize))
        {
            var result = await RunAsync("co-topic-rows", cancellationToken, ("ids", chunk)).ConfigureAwait(false);
            // Edges written before reason weights carry none: CoTopicLinkRow.From gives those the edge's weight again.
            rows.AddRange(result.Rows.Select(r => new CoTopicRow(
                r.GetString("paperId"), r.GetString("otherId"), r.GetDouble("weight"), r.GetInt32("shared"),
                r.GetList("reasons").Select(t => t.GetString()!).ToArray())
            {
                ReasonWeights = r.GetList("reasonWeights").Select(w => w.GetDouble()).ToArray(),
            }));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindPapersWritingAsync(
        IReadOnlyCollection<string> phrases, int limit, bool titleOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var found = phrases.Distinct(StringComparer.Ordinal).ToDictionary(p => p, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);
        // Letters and digits only, so a phrase is never read as Lucene syntax.
        var queries = found.Keys
            .Select(p => (Phrase: p, Words: LuceneQuery.Words(p)))
            .Where(p => p.Words.Count > 0)
            .Select(p => (p.Phrase, Quoted: "\"" + string.Join(' ', p.Words) + "\""))
            .Select(p => new Dictionary<string, object?> { ["phrase"] = p.Phrase, ["query"] = titleOnly ? $"title:{p.Quoted}" : $"title:{p.Quoted} OR abstract:{p.Quoted}" })
            .ToArray();
        foreach (var chunk in queries.Chunk(500))
        {
            var result = await RunAsync("papers-writing", cancellationToken, ("phrases", chunk), ("limit", limit)).ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                found[row.GetString("phrase")] = row.GetList("ids").Select(i => i.GetString()!).ToArray();
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindPapersMentioningAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // The id as a quoted phrase (quotes and backslashes dropped, the only characters a Lucene phrase gives meaning to),
        // so the index's analyzer splits it as it split the abstracts; the stored mentions then confirm it.
        var mentions = ids
            .Select(i => (Key: ExternalIdKey(i.Kind, i.Value), Phrase: new string([.. i.Value.Where(c => c is not '"' and not '\\')])))
            .Where(m => m.Phrase.Any(char.IsLetterOrDigit))
            .Select(m => new Dictionary<string, object?> { ["key"] = m.Key, ["query"] = "abstract:\"" + m.Phrase + "\"" })
            .ToArray();
        if (mentions.Length == 0)
        {
            return [];
        }

        var result = await RunAsync("papers-mentioning", cancellationToken, ("mentions", mentions)).ConfigureAwait(false);
        return result.Select(r => r.GetString("id"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindPapersByExternalIdsAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var arxiv = ids.Where(i => i.Kind == ExternalIdKind.Arxiv).Select(i => i.Value).ToArray();
        var doi = ids.Where(i => i.Kind == ExternalIdKind.Doi).Select(i => i.Value).ToArray();
        if (arxiv.Length + doi.Length == 0)
        {
            return [];
        }

        var result = await RunAsync("papers-by-arxiv-or-doi", cancellationToken, ("arxiv", arxiv), ("doi", doi)).ConfigureAwait(false);
        return result.Select(r => r.GetString("id"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaperVector>> ReadVectorsOfAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var vectors = new List<PaperVector>();
        foreach (var chunk in paperIds.Distinct(StringComparer.Ordinal).Chunk(ReadPageSize))
        {
            var result = await RunAsync("embeddings-of-papers", cancellationToken, ("ids", chunk)).ConfigureAwait(false);
            vectors.AddRange(result.Rows.Select(r => new PaperVector(
                r.GetString("paperId"), r.GetString("textHash"), r.GetList("vector").Select(x => (float)x.GetDouble()).ToArray())));
        }

        return vectors;
    }

    /// <inheritdoc />
    public async Task<int> WriteDerivedOfPapersAsync(DerivedLayerUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        CitationRules.RequireInferred(update.Inferred);
        var ids = update.Papers.Distinct(StringComparer.Ordinal).ToArray();
        var owners = update.CoTopicOwners.Distinct(StringComparer.Ordinal).ToArray();
        var hasTopic = update.HasTopic.Select(h => new HasTopicByIdRow(h.PaperId, h.TopicId, h.Weight)).ToList();
        var coTopic = update.CoTopic.Select(CoTopicLinkRow.From).ToList();
        var newTopics = update.NewTopics.Select(t => new TopicRow(
            t.Id, t.Name, [.. t.Aliases], 0, t.Idf, TopicYears.ToJson(t.ByYear), t.Growth,
            t.Aliases.Prepend(t.Name).SelectMany(a => new[] { a.ToLowerInvariant(), KeyAlias(a) }).Distinct(StringComparer.Ordinal).ToArray())).ToList();
        var citations = update.Inferred.Select(c => new CitationRow(c.From, c.To, "inferred", c.Confidence, c.Evidence)).ToList();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One transaction: readers (and a retry after a crash) see the papers' old derived rows or their new ones.
            var version = await OpenVersionAsync(cancellationToken).ConfigureAwait(false);
            return await InWriteTransactionAsync(
                async (tx, ct) =>
                {
                    var before = await tx.RunAsync(CypherStatements.Get("derive-of-papers-topics-before"), Parameters(("ids", ids)), ct).ConfigureAwait(false);
                    var topics = before.Rows.Select(r => r.GetString("topicId")).Concat(update.HasTopic.Select(h => h.TopicId)).Distinct(StringComparer.Ordinal).ToArray();
                    await tx.RunAsync(CypherStatements.Get("derive-of-papers-clear"), Parameters(("ids", ids), ("owners", owners)), ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-new-topics", newTopics, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-has-topic-by-id", hasTopic, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "write-co-topic", coTopic, ct).ConfigureAwait(false);
                    await tx.RunAsync(CypherStatements.Get("recount-topic-df"), Parameters(("topics", topics)), ct).ConfigureAwait(false);
                    // upsert-citations skips a pair cited explicitly, so an inference never shadows a stated citation.
                    return (await RunCitationBatchesAsync(tx, "upsert-citations", citations, version, ct).ConfigureAwait(false))
                        .Sum(r => r.Rows.Count == 0 ? 0 : r.Rows[0].GetInt32("written"));
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static PaperText ReadPaperText(Neo4jRow row) => new()
    {
        Id = row.GetString("id"),
        Title = row.GetStringOrNull("title") ?? "",
        Abstract = row.GetStringOrNull("abstract"),
        Year = row.GetInt32OrNull("year"),
        Published = row.GetStringOrNull("published"),
        ArxivId = row.GetStringOrNull("arxivId"),
        Doi = row.GetStringOrNull("doi"),
        Authors = row.GetList("authors").Select(a => a.GetString()!).ToArray(),
        Keywords = row.GetList("keywords").Select(k => k.GetString()!).Order(StringComparer.Ordinal).ToArray(),
        Mentions = row.GetList("mentions").Select(m => ParseMention(m.GetString()!)).OfType<ExternalId>()
            .OrderBy(m => m.Kind.ToString(), StringComparer.Ordinal).ThenBy(m => m.Value, StringComparer.Ordinal)
            .ToArray(),
    };

    private sealed record HasTopicByIdRow(string PaperId, string TopicId, double Weight);
}
