using System.Runtime.InteropServices;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Loaders.Resolution;

/// <summary>
/// Entity resolution (DESIGN §3): a record is the paper that has its arXiv id, else its DOI, else one of its other
/// external ids (OpenAlex, Semantic Scholar, edge-list node), else its normalized title with a compatible year (equal,
/// or unknown on either side) and no contradicting identifier. Knows every stored paper and every record resolved so
/// far, so duplicates within one file and across files and loads become one node.
/// </summary>
/// <remarks>
/// A reference to a paper not yet known makes a stub (the store creates the same stub, with the same id). A record that
/// arrives later with the stub's external id becomes that paper; stubs are never matched by title. When a record matches
/// a stub by id and a real paper by title, the real paper wins and the stub is merged into it.
/// </remarks>
public sealed class PaperResolver
{
    private readonly Dictionary<string, Known> _byArxiv = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Known> _byDoi = new(StringComparer.Ordinal);
    private readonly Dictionary<ExternalId, Known> _byExternal = new(ExternalIdComparer.Instance);
    // OpenAlex work ids (every reference of an OpenAlex snapshot is looked up) by their number: no string to hash and
    // compare. Only the canonical form "W" + digits without a leading zero is here, so each id has one place.
    private readonly Dictionary<long, Known> _byOpenAlexNumber = [];
    // A million papers must fit beside the load: titles are kept as 64-bit digests of their normalized key (a chance
    // collision needs ~4 billion titles; it would still need an equal year and no contradicting id to merge), and a title
    // held by one paper costs no list.
    private readonly Dictionary<ulong, object> _byTitle = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>A resolver that knows every paper already in <paramref name="store"/>.</summary>
    public static async Task<PaperResolver> CreateAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resolver = new PaperResolver();
        await foreach (var identity in store.ReadIdentitiesAsync(cancellationToken).ConfigureAwait(false))
        {
            var known = new Known(identity.Id) { Arxiv = identity.ArxivId, Doi = identity.Doi, Year = identity.Year, IsStub = identity.IsStub };
            resolver.Register(known, identity.IsStub ? "" : identity.TitleKey, identity.ExternalIds);
        }

        return resolver;
    }

    /// <summary>Number of papers known, stubs included.</summary>
    public int Count => _ids.Count;

    /// <summary>Resolves a record to an existing paper or a new id, and remembers it (and the papers it cites) for the records that follow.</summary>
    public Resolution Resolve(PaperRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var titleKey = Identifiers.TitleKey(record.Title);
        var (known, kind, key) = Match(record, titleKey);
        if (known is { IsStub: true })
        {
            // A paper known so far only as the target of a reference: this record creates it.
            kind = MatchKind.New;
        }
        else if (known is null)
        {
            known = new Known(NewId(record, titleKey));
            kind = MatchKind.New;
        }

        known.IsStub = false;
        known.Arxiv ??= record.ArxivId;
        known.Doi ??= record.Doi;
        known.Year ??= record.Year;
        Register(known, titleKey, record.ExternalIds);
        if (record.ArxivId is not null)
        {
            Claim(_byArxiv, record.ArxivId, known);
        }

        if (record.Doi is not null)
        {
            Claim(_byDoi, record.Doi, known);
        }

        var references = record.References;
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            if (Lookup(reference) is null)
            {
                var stub = new Known(PaperId.ForExternal(reference))
                {
                    IsStub = true,
                    Arxiv = reference.Kind == ExternalIdKind.Arxiv ? reference.Value : null,
                    Doi = reference.Kind == ExternalIdKind.Doi ? reference.Value : null,
                };
                Register(stub, "", [reference]);
            }
        }

        return new Resolution(known.Id, kind, kind == MatchKind.New ? null : key);
    }

    private (Known? Known, MatchKind Kind, string? Key) Match(PaperRecord record, string titleKey)
    {
        (Known? Known, MatchKind Kind, string? Key) byId = (null, MatchKind.New, null);
        if (record.ArxivId is not null && _byArxiv.TryGetValue(record.ArxivId, out var byArxiv))
        {
            byId = (byArxiv.Current, MatchKind.Arxiv, record.ArxivId);
        }
        else if (record.Doi is not null && _byDoi.TryGetValue(record.Doi, out var byDoi))
        {
            byId = (byDoi.Current, MatchKind.Doi, record.Doi);
        }
        else if (FirstKnown(record.ExternalIds) is { } matched)
        {
            byId = (matched.Known, MatchKind.External, $"{matched.Id.Kind}:{matched.Id.Value}");
        }

        if (byId.Known is { IsStub: false })
        {
            return byId;
        }

        if (titleKey.Length > 0 && _byTitle.TryGetValue(TitleDigest(titleKey), out var holders))
        {
            var candidates = holders as List<Known> ?? [(Known)holders];
            var match = candidates.Select(c => c.Current).FirstOrDefault(c =>
                !c.IsStub &&
                (c.Year is null || record.Year is null || c.Year == record.Year) &&
                (c.Arxiv is null || record.ArxivId is null || c.Arxiv == record.ArxivId) &&
                (c.Doi is null || record.Doi is null || c.Doi == record.Doi) &&
                !record.ExternalIds.Any(c.Contradicts));
            if (match is not null)
            {
                if (byId.Known is { } stub && stub != match)
                {
                    // The store merges the stub into the paper when it writes this record's ids.
                    stub.MergedInto = match;
                }

                return (match, MatchKind.Title, titleKey);
            }
        }

        return byId;
    }

    private (ExternalId Id, Known Known)? FirstKnown(IReadOnlyList<ExternalId> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (Lookup(ids[i]) is { } known)
            {
                return (ids[i], known);
            }
        }

        return null;
    }

    private Known? Lookup(ExternalId id) => id.Kind switch
    {
        ExternalIdKind.Arxiv => _byArxiv.GetValueOrDefault(id.Value)?.Current,
        ExternalIdKind.Doi => _byDoi.GetValueOrDefault(id.Value)?.Current,
        _ => OpenAlexNumber(id) is var number and >= 0 ? _byOpenAlexNumber.GetValueOrDefault(number)?.Current : _byExternal.GetValueOrDefault(id)?.Current,
    };

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

    private void Register(Known known, string titleKey, IReadOnlyList<ExternalId> externalIds)
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

        for (var i = 0; i < externalIds.Count; i++)
        {
            var id = externalIds[i];
            known.AddId(id);
            switch (id.Kind)
            {
                case ExternalIdKind.Arxiv:
                    Claim(_byArxiv, id.Value, known);
                    break;
                case ExternalIdKind.Doi:
                    Claim(_byDoi, id.Value, known);
                    break;
                default:
                    if (OpenAlexNumber(id) is var number and >= 0)
                    {
                        Claim(_byOpenAlexNumber, number, known);
                    }
                    else
                    {
                        Claim(_byExternal, id, known);
                    }

                    break;
            }
        }

        if (titleKey.Length > 0)
        {
            ref var holders = ref CollectionsMarshal.GetValueRefOrAddDefault(_byTitle, TitleDigest(titleKey), out var held);
            if (!held)
            {
                holders = known;
            }
            else if (holders is List<Known> list)
            {
                if (!list.Contains(known))
                {
                    list.Add(known);
                }
            }
            else if (holders != known)
            {
                holders = new List<Known> { (Known)holders!, known };
            }
        }
    }

    /// <summary>The number of an OpenAlex work id <c>W</c> + 1 to 18 digits without a leading zero; -1 for any other id.</summary>
    private static long OpenAlexNumber(ExternalId id)
    {
        var value = id.Value.AsSpan();
        if (id.Kind != ExternalIdKind.OpenAlex || value.Length is < 2 or > 19 || value[0] != 'W' || value[1] == '0')
        {
            return -1;
        }

        long number = 0;
        foreach (var c in value[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            number = (number * 10) + (c - '0');
        }

        return number;
    }

    /// <summary>
    /// A 64-bit digest of a title key, for this process's index only (never stored): XxHash3, as uniform as the SHA-256
    /// prefix it replaces for titles nobody chose to collide, at a small part of its cost.
    /// </summary>
    private static ulong TitleDigest(string titleKey) =>
        System.IO.Hashing.XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(titleKey.AsSpan()));

    /// <summary>Maps a key to a paper; a stub that held the key merges into the paper (as the store does).</summary>
    private static void Claim<TKey>(Dictionary<TKey, Known> index, TKey key, Known known)
        where TKey : notnull
    {
        // One hash look-up whether the key is new (the usual case in a load) or held.
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var held);
        if (!held)
        {
            slot = known;
            return;
        }

        var holder = slot!;
        if (holder.Current != known && holder.Current.IsStub && !known.IsStub)
        {
            holder.Current.MergedInto = known;
        }
    }

    /// <summary>
    /// Kind and value, compared directly: the record's own equality also hashes and compares its type, and this index
    /// is looked up for every reference of every record.
    /// </summary>
    private sealed class ExternalIdComparer : IEqualityComparer<ExternalId>
    {
        public static readonly ExternalIdComparer Instance = new();

        public bool Equals(ExternalId? x, ExternalId? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Kind == y.Kind && string.Equals(x.Value, y.Value, StringComparison.Ordinal));

        public int GetHashCode(ExternalId obj) => HashCode.Combine(obj.Kind, string.GetHashCode(obj.Value, StringComparison.Ordinal));
    }

    private sealed class Known(string id)
    {
        public string Id { get; } = id;
        public string? Arxiv { get; set; }
        public string? Doi { get; set; }
        public int? Year { get; set; }
        public bool IsStub { get; set; }

        /// <summary>Set when this stub was merged into a real paper.</summary>
        public Known? MergedInto { get; set; }

        public Known Current => MergedInto?.Current ?? this;

        /// <summary>External ids other than arXiv id and DOI: usually one, so a small array rather than a set.</summary>
        public ExternalId[] Ids { get; private set; } = [];

        public void AddId(ExternalId id)
        {
            if (Array.IndexOf(Ids, id) < 0)
            {
                Ids = [.. Ids, id];
            }
        }

        /// <summary>
        /// True when this paper has another id of the same kind and namespace (two OpenAlex works, two nodes of one
        /// edge list): then the two are different papers, whatever their titles say.
        /// </summary>
        public bool Contradicts(ExternalId id) =>
            Array.IndexOf(Ids, id) < 0 && Ids.Any(mine => mine.Kind == id.Kind && Namespace(mine.Value) == Namespace(id.Value));

        private static string Namespace(string value)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? "" : value[..colon];
        }
    }
}
