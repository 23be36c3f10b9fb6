using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 0)
        {
            return;
        }

        // Every row is built before anything is sent: a record the store refuses fails the batch with nothing written.
        var plan = UpsertPlan.Create(batch);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await OpenVersionAsync(cancellationToken).ConfigureAwait(false);
            await InWriteTransactionAsync(
                async (tx, ct) =>
                {
                    await RunBatchesAsync(tx, "upsert-sources", plan.Sources, ct).ConfigureAwait(false);

                    // The stored paper is recomputed from all of its sources, so the order they arrived in does not matter.
                    var sources = new Dictionary<string, List<PaperRecord>>(StringComparer.Ordinal);
                    foreach (var result in await RunBatchesAsync(tx, "read-sources", plan.PaperIds, ct, "ids").ConfigureAwait(false))
                    {
                        foreach (var row in result.Rows)
                        {
                            var id = row.GetString("paperId");
                            if (!sources.TryGetValue(id, out var list))
                            {
                                sources[id] = list = [];
                            }

                            list.Add(ReadSourceRecord(row));
                        }
                    }

                    var merged = sources.Select(s => PaperRow.From(PaperMerge.Merge(s.Key, s.Value))).ToList();
                    await RunBatchesAsync(tx, "update-papers", merged, ct).ConfigureAwait(false);

                    // A stub created earlier for an id a paper now carries (a reference that arrived first) merges into it.
                    var stubs = new List<StubRow>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var result in await RunBatchesAsync(tx, "find-stubs", plan.ExternalIds, ct).ConfigureAwait(false))
                    {
                        stubs.AddRange(result.Rows.Select(r => new StubRow(r.GetString("stubId"), r.GetString("paperId"))).Where(s => seen.Add(s.StubId)));
                    }

                    await RunBatchesAsync(tx, "absorb-stubs", stubs, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "upsert-external-ids", plan.ExternalIds, ct).ConfigureAwait(false);
                    await RunCitationBatchesAsync(tx, "upsert-references", plan.References, version, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "upsert-authors", plan.Authors, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "upsert-repos", plan.Repos, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "upsert-links", plan.Links, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "upsert-mentions", plan.Mentions, ct).ConfigureAwait(false);
                    await RunBatchesAsync(tx, "upsert-keywords", plan.Keywords, ct).ConfigureAwait(false);
                    return 0;
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static PaperRecord ReadSourceRecord(Neo4jRow r) => new()
    {
        Source = new SourceRef(r.GetString("source"), r.GetInt32("line"), r.GetString("format")),
        Title = r.GetString("title"),
        Abstract = r.GetStringOrNull("abstract"),
        Published = PartialDate.TryParse(r.GetStringOrNull("published"), out var date) ? date : null,
        AuthorsCount = r.GetInt32OrNull("authorsCount"),
        Organization = r.GetStringOrNull("organization"),
        Upvotes = r.GetInt32OrNull("upvotes"),
        ArxivId = r.GetStringOrNull("arxivId"),
        Doi = r.GetStringOrNull("doi"),
    };

    /// <summary>The rows of every statement of one upsert, built from the batch in order.</summary>
    private sealed class UpsertPlan
    {
        public List<SourceRow> Sources { get; } = [];
        public List<string> PaperIds { get; } = [];
        public List<ExternalIdRow> ExternalIds { get; } = [];
        public List<ReferenceRow> References { get; } = [];
        public List<AuthorRow> Authors { get; } = [];
        public List<RepoRow> Repos { get; } = [];
        public List<LinkRow> Links { get; } = [];
        public List<MentionRow> Mentions { get; } = [];
        public List<KeywordRow> Keywords { get; } = [];

        public static UpsertPlan Create(IReadOnlyList<ResolvedRecord> batch)
        {
            var plan = new UpsertPlan();
            var papers = new HashSet<string>(StringComparer.Ordinal);
            var mentions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var keywords = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (paperId, record) in batch)
            {
                if (string.IsNullOrWhiteSpace(paperId) || record is null || record.Title is null || record.Source is null)
                {
                    throw new ArgumentException(
                        $"Record {plan.Sources.Count + 1} of the batch ({record?.Source}) has no paper id, title or source; nothing of the batch was written.",
                        nameof(batch));
                }

                if (papers.Add(paperId))
                {
                    plan.PaperIds.Add(paperId);
                }

                plan.Sources.Add(new SourceRow(
                    paperId, $"{paperId}\u001f{record.Source.Source}\u001f{record.Source.Line}", plan.Sources.Count + 1,
                    record.Source.Source, record.Source.Line, record.Source.Format, record.Title, Identifiers.TitleKey(record.Title),
                    record.Abstract, record.Published?.ToString(), record.AuthorsCount, record.Organization, record.Upvotes, record.ArxivId, record.Doi));

                var ids = record.ExternalIds.AsEnumerable();
                if (record.ArxivId is not null)
                {
                    ids = ids.Append(new ExternalId(ExternalIdKind.Arxiv, record.ArxivId));
                }

                if (record.Doi is not null)
                {
                    ids = ids.Append(new ExternalId(ExternalIdKind.Doi, record.Doi));
                }

                plan.ExternalIds.AddRange(ids.Select(e => new ExternalIdRow(paperId, ExternalIdKey(e.Kind, e.Value), e.Kind.ToString(), e.Value)));

                for (var i = 0; i < record.Authors.Count; i++)
                {
                    plan.Authors.Add(new AuthorRow(paperId, record.Authors[i], i + 1));
                }

                foreach (var reference in record.References)
                {
                    var kind = reference.Kind.ToString();
                    plan.References.Add(new ReferenceRow(
                        paperId, ExternalIdKey(reference.Kind, reference.Value), kind, reference.Value, PaperId.ForExternal(reference),
                        $"{kind} {reference.Value}", reference.Kind == ExternalIdKind.Arxiv ? reference.Value : null,
                        reference.Kind == ExternalIdKind.Doi ? reference.Value : null, record.Source.ToString(), plan.References.Count + 1));
                }

                plan.Repos.AddRange(record.Repos.Select(l => new RepoRow(paperId, l.Repo.Url, l.Repo.Host, l.Repo.Owner, l.Repo.Name, l.Evidence)));
                plan.Links.AddRange(record.Links.Select(l => new LinkRow(paperId, l.Url, l.Kind.ToString())));
                if (record.Mentions.Count > 0)
                {
                    if (!mentions.TryGetValue(paperId, out var list))
                    {
                        mentions[paperId] = list = [];
                    }

                    list.AddRange(record.Mentions.Select(m => ExternalIdKey(m.Kind, m.Value)));
                }

                if (record.Keywords.Count > 0)
                {
                    if (!keywords.TryGetValue(paperId, out var list))
                    {
                        keywords[paperId] = list = [];
                    }

                    list.AddRange(record.Keywords);
                }
            }

            plan.Mentions.AddRange(mentions.Select(m => new MentionRow(m.Key, m.Value.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray())));
            plan.Keywords.AddRange(keywords.Select(k => new KeywordRow(k.Key, k.Value.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray())));
            return plan;
        }
    }

    private sealed record SourceRow(
        string PaperId, string Key, int Index, string Source, int Line, string Format, string Title, string TitleKey, string? Abstract,
        string? Published, int? AuthorsCount, string? Organization, int? Upvotes, string? ArxivId, string? Doi);

    private sealed record PaperRow(
        string Id, string Title, string TitleKey, string? Abstract, int? Year, string? Published, int? AuthorsCount, string? Organization,
        int? Upvotes, string? ArxivId, string? Doi)
    {
        public static PaperRow From(Paper p) => new(
            p.Id, p.Title, Identifiers.TitleKey(p.Title), p.Abstract, p.Year, p.Published, p.AuthorsCount, p.Organization, p.Upvotes, p.ArxivId, p.Doi);
    }

    private sealed record StubRow(string StubId, string PaperId);

    private sealed record ExternalIdRow(string PaperId, string Key, string Kind, string Value);

    private sealed record ReferenceRow(
        string PaperId, string Key, string Kind, string Value, string StubId, string StubTitle, string? StubArxivId, string? StubDoi,
        string Evidence, int Index);

    private sealed record AuthorRow(string PaperId, string Name, int Position);

    private sealed record RepoRow(string PaperId, string Url, string Host, string Owner, string Name, string Evidence);

    private sealed record LinkRow(string PaperId, string Url, string Kind);

    private sealed record MentionRow(string PaperId, string[] Mentions);

    private sealed record KeywordRow(string PaperId, string[] Keywords);
}
