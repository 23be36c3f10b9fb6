using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Loaders.Resolution;

/// <summary>
/// Entity resolution (DESIGN §3): a record is the paper that has its arXiv id, else its DOI, else its normalized title
/// with a compatible year (equal, or unknown on either side) and no contradicting identifier. Knows every stored paper
/// and every record resolved so far, so duplicates within one file and across files and loads become one node.
/// </summary>
public sealed class PaperResolver
{
    private readonly Dictionary<string, Known> _byArxiv = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Known> _byDoi = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Known>> _byTitle = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>A resolver that knows every paper already in <paramref name="store"/>.</summary>
    public static async Task<PaperResolver> CreateAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resolver = new PaperResolver();
        await foreach (var identity in store.ReadIdentitiesAsync(cancellationToken).ConfigureAwait(false))
        {
            resolver.Register(new Known(identity.Id) { Arxiv = identity.ArxivId, Doi = identity.Doi, Year = identity.Year }, identity.TitleKey);
        }

        return resolver;
    }

    /// <summary>Number of papers known.</summary>
    public int Count => _ids.Count;

    /// <summary>Resolves a record to an existing paper or a new id, and remembers it for the records that follow.</summary>
    public Resolution Resolve(PaperRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var titleKey = Identifiers.TitleKey(record.Title);
        var (known, kind) = Match(record, titleKey);
        if (known is null)
        {
            known = new Known(NewId(record, titleKey));
            kind = MatchKind.New;
        }

        known.Arxiv ??= record.ArxivId;
        known.Doi ??= record.Doi;
        known.Year ??= record.Year;
        Register(known, titleKey);
        return new Resolution(known.Id, kind);
    }

    private (Known? Known, MatchKind Kind) Match(PaperRecord record, string titleKey)
    {
        if (record.ArxivId is not null && _byArxiv.TryGetValue(record.ArxivId, out var byArxiv))
        {
            return (byArxiv, MatchKind.Arxiv);
        }

        if (record.Doi is not null && _byDoi.TryGetValue(record.Doi, out var byDoi))
        {
            return (byDoi, MatchKind.Doi);
        }

        if (titleKey.Length > 0 && _byTitle.TryGetValue(titleKey, out var candidates))
        {
            var match = candidates.FirstOrDefault(c =>
                (c.Year is null || record.Year is null || c.Year == record.Year) &&
                (c.Arxiv is null || record.ArxivId is null || c.Arxiv == record.ArxivId) &&
                (c.Doi is null || record.Doi is null || c.Doi == record.Doi));
            if (match is not null)
            {
                return (match, MatchKind.Title);
            }
        }

        return (null, MatchKind.New);
    }

    private string NewId(PaperRecord record, string titleKey)
    {
        var id = PaperId.For(record.ArxivId, record.Doi, titleKey);
        // Two papers sharing a title (different years or identifiers) get distinct, still deterministic ids.
        for (var n = 2; _ids.Contains(id); n++)
        {
            id = PaperId.For(record.ArxivId, record.Doi, $"{titleKey}#{record.Year}#{n}");
        }

        return id;
    }

    private void Register(Known known, string titleKey)
    {
        _ids.Add(known.Id);
        if (known.Arxiv is not null)
        {
            _byArxiv.TryAdd(known.Arxiv, known);
        }

        if (known.Doi is not null)
        {
            _byDoi.TryAdd(known.Doi, known);
        }

        if (titleKey.Length > 0)
        {
            if (!_byTitle.TryGetValue(titleKey, out var list))
            {
                _byTitle[titleKey] = list = [];
            }

            if (!list.Contains(known))
            {
                list.Add(known);
            }
        }
    }

    private sealed class Known(string id)
    {
        public string Id { get; } = id;
        public string? Arxiv { get; set; }
        public string? Doi { get; set; }
        public int? Year { get; set; }
    }
}
