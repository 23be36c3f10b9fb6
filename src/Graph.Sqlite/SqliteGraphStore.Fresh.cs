using System.Text.Json;
using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Splits a batch: the first record of each paper not yet stored is written at once through the prepared inserts
    /// (<see cref="AddFreshAsync"/>), every other record is returned for the row-by-row merge, with the number of papers
    /// resolved as new that another writer had stored meanwhile.
    /// </summary>
    private static async Task<(List<ResolvedRecord> Merges, int StoredMeanwhile)> PlanFreshAsync(
        UpsertCommands c, WriteCache cache, FreshRows fresh, IReadOnlyList<ResolvedRecord> batch, CancellationToken ct)
    {
        var (stored, loaded) = await StoredPaperIdsAsync(c, batch, ct).ConfigureAwait(false);
        var merges = new List<ResolvedRecord>();
        var storedMeanwhile = 0;
        foreach (var item in batch)
        {
            if (stored.Contains(item.PaperId) || fresh.Created.ContainsKey(item.PaperId))
            {
                // A stub (a reference that arrived first) is what a new paper is meant to absorb; a loaded paper is not.
                storedMeanwhile += item.ResolvedAsNew && loaded.Contains(item.PaperId) ? 1 : 0;
                merges.Add(item);
                continue;
            }

            await AddFreshAsync(c, cache, fresh, item.PaperId, item.Record, ct).ConfigureAwait(false);
        }

        return (merges, storedMeanwhile);
    }

    /// <summary>The batch's paper ids already stored, and those of them that are loaded papers rather than stubs.</summary>
    private static async Task<(HashSet<string> Stored, HashSet<string> Loaded)> StoredPaperIdsAsync(UpsertCommands c, IReadOnlyList<ResolvedRecord> batch, CancellationToken ct)
    {
        c.StoredIds.Parameters["$ids"].Value = JsonSerializer.Serialize(batch.Select(r => r.PaperId).Distinct(StringComparer.Ordinal));
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await c.StoredIds.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            stored.Add(reader.GetString(0));
            if (reader.GetInt64(1) == 0)
            {
                loaded.Add(reader.GetString(0));
            }
        }

        return (stored, loaded);
    }

    private static async Task AddFreshAsync(UpsertCommands c, WriteCache cache, FreshRows fresh, string paperId, PaperRecord record, CancellationToken ct)
    {
        var pk = fresh.Allocate(paperId);
        var paper = PaperMerge.Merge(paperId, [record]);
        c.FreshPaper.Add(pk).Add(paperId).Add(paper.Title).Add(Identifiers.TitleKey(paper.Title)).Add(paper.Abstract)
            .Add(paper.Year).Add(paper.Published).Add(paper.AuthorsCount).Add(paper.Organization).Add(paper.Upvotes)
            .Add(paper.ArxivId).Add(paper.Doi).Add(0).Step();
        fresh.SearchRows?.Add(new SearchRow(pk, paper.Title, paper.Abstract));
        c.FreshPaperAdded?.Add(paperId).Step();
        // The paper's one source: its text is the paper's unless the merge changed it, and then it is kept (text_in_paper).
        var textInPaper = string.Equals(paper.Title, record.Title, StringComparison.Ordinal)
            && string.Equals(paper.Abstract, record.Abstract, StringComparison.Ordinal);
        c.FreshSource.Add(pk).Add(record.Source.Source).Add(record.Source.Line).Add(record.Source.Format)
            .Add(textInPaper ? "" : record.Title).Add(textInPaper ? null : record.Abstract).Add(record.Published?.ToString())
            .Add(record.AuthorsCount).Add(record.Organization).Add(record.Upvotes).Add(record.ArxivId).Add(record.Doi)
            .Add(textInPaper ? 1 : 0).Step();
        foreach (var externalId in IdsOf(record))
        {
            var kind = externalId.Kind.ToString();
            if (c.FreshExternalId.Add(kind).Add(externalId.Value).Add(pk).Step() == 1)
            {
                cache.Ids[externalId] = pk;
            }
            else
            {
                // Held already (a stub made by an earlier reference, or a duplicate): settled at the end of the batch.
                fresh.TakenIds.Add((kind, externalId.Value, pk));
                cache.Ids.Remove(externalId);
            }
        }

        for (var i = 0; i < record.Authors.Count; i++)
        {
            var author = cache.Authors.TryGetValue(record.Authors[i], out var known) ? known
                : await AuthorAsync(c, cache, record.Authors[i], ct).ConfigureAwait(false);
            c.FreshAuthored.Add(author).Add(pk).Add(i + 1).Step();
        }

        if (record.References.Count > 0)
        {
            var source = await SourceFileAsync(c, cache, record.Source.Source, ct).ConfigureAwait(false);
            var targets = fresh.CachedTargets(cache.Ids, record.References);
            for (var i = 0; i < record.References.Count; i++)
            {
                // Nearly every reference of a large load is cached: no async round (and no task) for those.
                if (targets[i] == FreshRows.NotCached)
                {
                    targets[i] = await FreshReferenceAsync(c, cache, fresh, record.References[i], ct).ConfigureAwait(false);
                }
            }

            for (var first = 0; first < record.References.Count; first += UpsertCommands.MaxCitationRows)
            {
                var rows = Math.Min(UpsertCommands.MaxCitationRows, record.References.Count - first);
                var insert = c.FreshCites(rows);
                for (var i = first; i < first + rows; i++)
                {
                    insert.Add(pk).Add(targets[i]).Add(source).Add(record.Source.Line);
                }

                insert.Step();
            }
        }

        if (record.Repos.Count + record.Links.Count + record.Mentions.Count + record.Keywords.Count > 0)
        {
            fresh.Extras.Add((pk, record));
        }
    }

    /// <summary>The paper a reference names: known to the cache or the store, created by this batch, or a new stub.</summary>
    private static async Task<long> FreshReferenceAsync(UpsertCommands c, WriteCache cache, FreshRows fresh, ExternalId reference, CancellationToken ct)
    {
        if (await KnownPaperAsync(c, cache, reference, ct).ConfigureAwait(false) is long known)
        {
            return known;
        }

        var kind = reference.Kind.ToString();
        var id = PaperId.ForExternal(reference);
        c.PaperPk.Parameters["$id"].Value = id;
        long pk;
        if (fresh.Created.TryGetValue(id, out var created))
        {
            pk = created;
        }
        else if (await c.PaperPk.ExecuteScalarAsync(ct).ConfigureAwait(false) is long stored)
        {
            pk = stored;
        }
        else
        {
            pk = fresh.Allocate(id);
            c.FreshPaper.Add(pk).Add(id).Add($"{kind} {reference.Value}").Add("").Add((string?)null)
                .Add((int?)null).Add((string?)null).Add((int?)null).Add((string?)null).Add((int?)null)
                .Add(reference.Kind == ExternalIdKind.Arxiv ? reference.Value : null)
                .Add(reference.Kind == ExternalIdKind.Doi ? reference.Value : null).Add(1).Step();
        }

        c.FreshExternalId.Add(kind).Add(reference.Value).Add(pk).Step();
        cache.Ids[reference] = pk;
        return pk;
    }

    /// <summary>Once the batch's new papers are in: their few per-row extras, then the stubs whose ids they claimed.</summary>
    private static async Task FinishFreshAsync(UpsertCommands c, FreshRows fresh, CancellationToken ct)
    {
        foreach (var (pk, record) in fresh.Extras)
        {
            await WriteExtrasAsync(c, pk, record, ct).ConfigureAwait(false);
        }

        // Only now are all of the batch's citations in place for a merged stub's to move with it.
        foreach (var (kind, value, pk) in fresh.TakenIds)
        {
            c.FindStub.Parameters["$kind"].Value = kind;
            c.FindStub.Parameters["$value"].Value = value;
            c.FindStub.Parameters["$pk"].Value = pk;
            if (await c.FindStub.ExecuteScalarAsync(ct).ConfigureAwait(false) is long stubPk)
            {
                await ExecAsync(c.AbsorbStub, ct, ("$pk", pk), ("$stub", stubPk)).ConfigureAwait(false);
                await ExecAsync(c.InsertExternalId, ct, ("$kind", kind), ("$value", value), ("$pk", pk)).ConfigureAwait(false);
            }
        }
    }
}
