using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.Json;

namespace CiteGraph.Loaders.Formats.OpenAlex;

/// <summary>
/// The per-work fields of <see cref="OpenAlexWorkReader"/> that a snapshot repeats millions of times (referenced works,
/// authors, locations, dates), read with as few objects as the stored values allow.
/// </summary>
/// <remarks>
/// Each fast path reads a plain-ASCII value in place and gives exactly what the general path gives
/// (<see cref="Identifiers.NormalizeOpenAlex"/>, <see cref="PartialDate.TryParse"/>, …); anything else (escapes,
/// non-ASCII text, odd shapes) takes the general path, so what is accepted or rejected, and why, does not change.
/// </remarks>
internal static class OpenAlexFields
{
    /// <summary>Beyond this many references the duplicate check uses a set rather than a scan of those kept so far.</summary>
    private const int ScanLimit = 32;

    /// <summary>
    /// Which of the fields most works lack are there, by one pass over the names: each absent one would otherwise cost a
    /// look-up and a case-insensitive walk over every name. A name written with escapes makes every field count as there.
    /// </summary>
    public static OptionalFields Present(JsonElement work)
    {
        var present = OptionalFields.None;
        foreach (var property in work.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.Contains((byte)'\\'))
            {
                return OptionalFields.All;
            }

            // JsonFields.Get finds a name exactly or ignoring ASCII case; a name equal to none of these ignoring case is not one of them.
            present |= name.Length switch
            {
                3 when Ascii.EqualsIgnoreCase(name, "ids"u8) => OptionalFields.Ids,
                6 when Ascii.EqualsIgnoreCase(name, "topics"u8) => OptionalFields.Topics,
                8 when Ascii.EqualsIgnoreCase(name, "keywords"u8) => OptionalFields.Keywords,
                8 when Ascii.EqualsIgnoreCase(name, "concepts"u8) => OptionalFields.Concepts,
                9 when Ascii.EqualsIgnoreCase(name, "locations"u8) => OptionalFields.Locations,
                16 when Ascii.EqualsIgnoreCase(name, "best_oa_location"u8) => OptionalFields.BestOaLocation,
                _ => OptionalFields.None,
            };
        }

        return present;
    }

    /// <summary>The OpenAlex key of a work id value (a string), as <see cref="Identifiers.NormalizeOpenAlex"/> gives it.</summary>
    public static string? WorkId(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (!JsonAscii.TryGet(value, out var text))
        {
            return Identifiers.NormalizeOpenAlex(value.GetString());
        }

        // A raw JSON string holds no control characters, so the only whitespace plain ASCII can carry is the space.
        text = text.Trim((byte)' ').TrimEnd((byte)'/');
        var key = text[(text.LastIndexOf((byte)'/') + 1)..];
        if (key.Length < 2 || key[0] is not ((byte)'W' or (byte)'w') || key[1..].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return null;
        }

        return key[0] == (byte)'W' ? JsonAscii.ToString(key) : "W" + JsonAscii.ToString(key[1..]);
    }

    /// <summary><c>referenced_works</c> as OpenAlex ids, each once, in order.</summary>
    public static ExternalId[] References(JsonElement work)
    {
        if (work.Get("referenced_works") is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        var length = array.GetArrayLength();
        if (length == 0)
        {
            return [];
        }

        var ids = new ExternalId[length];
        var seen = length > ScanLimit ? new HashSet<string>(length, StringComparer.Ordinal) : null;
        var count = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (WorkId(item) is not { } id || (seen is null ? Contains(ids.AsSpan(0, count), id) : !seen.Add(id)))
            {
                continue;
            }

            ids[count++] = new ExternalId(ExternalIdKind.OpenAlex, id);
        }

        return count == length ? ids : ids[..count];
    }

    private static bool Contains(ReadOnlySpan<ExternalId> ids, string value)
    {
        foreach (var id in ids)
        {
            if (string.Equals(id.Value, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Author names of <c>authorships</c> in order: the author's display name, else the raw name.</summary>
    public static string[] Authors(JsonElement work)
    {
        if (work.Get("authorships") is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            return [];
        }

        var names = new string[array.GetArrayLength()];
        var count = 0;
        foreach (var authorship in array.EnumerateArray())
        {
            if (JsonFields.Collapse(authorship.Object("author")?.String("display_name") ?? authorship.String("raw_author_name")) is { } name)
            {
                names[count++] = name;
            }
        }

        return count == names.Length ? names : names[..count];
    }

    /// <summary>
    /// Topic candidates: <c>keywords</c>, <c>topics</c> and the <c>concepts</c> of level 2 and up scored 0.3 or more
    /// (unscored ones included), collapsed, each once, in order.
    /// </summary>
    public static string[] Keywords(JsonElement work, OptionalFields present)
    {
        var keywords = (present & OptionalFields.Keywords) != 0 ? work.Get("keywords") : null;
        var topics = (present & OptionalFields.Topics) != 0 ? work.Get("topics") : null;
        var concepts = (present & OptionalFields.Concepts) != 0 ? work.Get("concepts") : null;
        if (keywords is not { ValueKind: JsonValueKind.Array } && topics is not { ValueKind: JsonValueKind.Array } &&
            concepts is not { ValueKind: JsonValueKind.Array })
        {
            return [];
        }

        var found = new List<string>();
        foreach (var list in (ReadOnlySpan<JsonElement?>)[keywords, topics])
        {
            if (list is { ValueKind: JsonValueKind.Array } items)
            {
                foreach (var k in items.EnumerateArray())
                {
                    Add(found, k.ValueKind == JsonValueKind.String ? k.GetString() : k.String("display_name", "keyword"));
                }
            }
        }

        if (concepts is { ValueKind: JsonValueKind.Array } scored)
        {
            foreach (var c in scored.EnumerateArray())
            {
                if ((c.Int("level") ?? 2) >= 2 && (c.Get("score") is not { ValueKind: JsonValueKind.Number } score || score.GetDouble() >= 0.3))
                {
                    Add(found, c.String("display_name"));
                }
            }
        }

        return [.. found];
    }

    private static void Add(List<string> found, string? keyword)
    {
        if (JsonFields.Collapse(keyword) is { } text && !found.Contains(text, StringComparer.Ordinal))
        {
            found.Add(text);
        }
    }

    /// <summary>
    /// The arXiv id of the first arxiv.org URL among the locations (best open-access, primary, then the others; landing
    /// page before PDF).
    /// </summary>
    public static string? ArxivLocation(JsonElement work, OptionalFields present)
    {
        if ((present & OptionalFields.BestOaLocation) != 0 && Arxiv(work.Object("best_oa_location")) is { } best)
        {
            return best;
        }

        if (Arxiv(work.Object("primary_location")) is { } primary)
        {
            return primary;
        }

        if ((present & OptionalFields.Locations) != 0 && work.Get("locations") is { ValueKind: JsonValueKind.Array } locations)
        {
            foreach (var location in locations.EnumerateArray())
            {
                if (Arxiv(location) is { } id)
                {
                    return id;
                }
            }
        }

        return null;
    }

    private static string? Arxiv(JsonElement? location)
    {
        if (location is not { } l)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["landing_page_url", "pdf_url"])
        {
            // Most locations are not arXiv: their URL is checked in place and never becomes a string.
            if (l.Get(name) is { } value && JsonAscii.TryGet(value, out var ascii) && !JsonAscii.ContainsIgnoreCase(ascii, "arxiv.org/"u8))
            {
                continue;
            }

            var url = l.String(name);
            if (url is not null && url.Contains("arxiv.org/", StringComparison.OrdinalIgnoreCase) && Identifiers.NormalizeArxiv(url) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary><c>publication_date</c>, else <c>publication_year</c>, as <see cref="PartialDate.TryParse"/> reads them.</summary>
    public static PartialDate? Published(JsonElement work)
    {
        if (work.Get("publication_date") is { } value && JsonAscii.TryGet(value, out var ascii) && IsoDay(ascii) is { } day)
        {
            return day;
        }

        return PartialDate.TryParse(work.String("publication_date"), out var date) ? date
            : work.Int("publication_year") is { } year ? new PartialDate(year, null, null)
            : null;
    }

    /// <summary>A complete <c>yyyy-mm-dd</c> with a real month and day, the shape nearly every work has; else null.</summary>
    private static PartialDate? IsoDay(ReadOnlySpan<byte> text)
    {
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-' ||
            !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day) ||
            month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        return new PartialDate(year, month, day);
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
