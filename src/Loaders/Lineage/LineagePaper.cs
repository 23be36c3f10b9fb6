using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Lineage;

/// <summary>What lineage inference knows of one paper: its cleaned text, date, definitions, acronyms used, ids and first author.</summary>
public sealed record LineagePaper
{
    private readonly string? _text;
    private readonly string? _title;
    private readonly SpilledTexts? _spilled;
    private readonly int _spilledIndex;
    private readonly int _titleLength;
    private readonly long _date;

    /// <summary>A paper whose text is given (<see cref="Text"/> must be set).</summary>
    public LineagePaper()
    {
    }

    /// <summary>
    /// A paper whose text was written to <paramref name="spilled"/> at <paramref name="index"/> and is read from there
    /// when asked for; its title is the text's first <paramref name="titleLength"/> characters (the text is the title,
    /// ". " and the abstract), so it is not held either.
    /// </summary>
    // Text and Title have no backing value here: their getters read the spilled text (the analysis cannot see that).
#pragma warning disable CS8618
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private LineagePaper(string id, int titleLength, SpilledTexts spilled, int index)
#pragma warning restore CS8618
    {
        Id = id;
        _titleLength = titleLength;
        _spilled = spilled;
        _spilledIndex = index;
    }

    public required string Id { get; init; }

    /// <summary>The title, cleaned; read back from disk (the start of <see cref="Text"/>) when the pass spilled the texts.</summary>
    public required string Title
    {
        get => _title ?? _spilled!.Read(_spilledIndex)[.._titleLength];
        init => _title = value;
    }

    /// <summary>Title and abstract, cleaned (<see cref="TopicExtractor.Clean"/>); read back from disk when the pass spilled the texts.</summary>
    public required string Text
    {
        get => _text ?? _spilled!.Read(_spilledIndex);
        init => _text = value;
    }
    /// <summary>
    /// The date, held packed in eight bytes (a nullable <see cref="PartialDate"/> field is 28, and every paper of a pass
    /// holds one until lineage has run). Month and day must lie in 0–4095, which any parsed date does.
    /// </summary>
    public PartialDate? Date
    {
        get => Unpack(_date);
        init => _date = Pack(value);
    }
    public IReadOnlyList<AcronymDefinition> Definitions { get; init; } = [];
    public IReadOnlyDictionary<string, int> AcronymUses { get; init; } = new Dictionary<string, int>();
    public string? ArxivId { get; init; }
    public string? Doi { get; init; }
    /// <summary>Last name of the first author, folded (lower-case, no accents), where known.</summary>
    public string? FirstAuthor { get; init; }
    public IReadOnlyList<ExternalId> Mentions { get; init; } = [];

    /// <summary>The lineage view of a stored paper and its extraction.</summary>
    public static LineagePaper From(PaperText paper, PaperExtraction extraction) => From(paper, extraction, null);

    /// <summary>
    /// The lineage view of a stored paper and its extraction, its cleaned text written to <paramref name="spilled"/>
    /// (and read back from there) when given, else held in memory.
    /// </summary>
    public static LineagePaper From(PaperText paper, PaperExtraction extraction, SpilledTexts? spilled) => From(paper, extraction, spilled, null);

    /// <summary>
    /// As <see cref="From(PaperText, PaperExtraction, SpilledTexts?)"/>, the first author's last name taken from
    /// <paramref name="names"/> when given (a corpus repeats a small set of names; one string each instead of one a paper).
    /// </summary>
    public static LineagePaper From(PaperText paper, PaperExtraction extraction, SpilledTexts? spilled, StringPool? names)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(extraction);
        var title = TopicExtractor.Clean(paper.Title);
        var text = title + ". " + (paper.Abstract is null ? "" : TopicExtractor.Clean(paper.Abstract));
        var empty = spilled is null
            ? new LineagePaper { Id = paper.Id, Title = title, Text = text }
            : new LineagePaper(paper.Id, title.Length, spilled, spilled.Append(text));
        return empty with
        {
            Date = DateOf(paper),
            Definitions = extraction.Definitions,
            AcronymUses = extraction.AcronymUses,
            ArxivId = paper.ArxivId,
            Doi = paper.Doi,
            FirstAuthor = paper.Authors.Count > 0 && LastName(paper.Authors[0]) is { } last ? names?.Get(last) ?? last : null,
            Mentions = paper.Mentions,
        };
    }

    /// <summary>The paper's date, or the month its new-style arXiv id encodes (<c>2001.08361</c> → 2020-01), or null.</summary>
    internal static PartialDate? DateOf(PaperText paper)
    {
        PartialDate? date = PartialDate.TryParse(paper.Published, out var d) ? d : null;
        if (date?.Year is null && paper.Year is { } year)
        {
            date = new PartialDate(year, date?.Month, date?.Day);
        }

        if (date?.Year is null && paper.ArxivId is { Length: >= 9 } arxiv && arxiv[4] == '.' &&
            int.TryParse(arxiv.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy) &&
            int.TryParse(arxiv.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm) && mm is >= 1 and <= 12)
        {
            date = new PartialDate(2000 + yy, mm, null);
        }

        return date;
    }

    // Bit 63: a date at all; bits 60–62: year, month, day known; 44–55 day, 32–43 month, 0–31 year.
    private static long Pack(PartialDate? date)
    {
        if (date is not { } d)
        {
            return 0;
        }

        const int Max = (1 << 12) - 1;
        if (d.Month is < 0 or > Max || d.Day is < 0 or > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Month and day must lie in 0-4095.");
        }

        return long.MinValue
            | (d.Year is null ? 0 : 1L << 60) | (d.Month is null ? 0 : 1L << 61) | (d.Day is null ? 0 : 1L << 62)
            | ((long)(d.Day ?? 0) << 44) | ((long)(d.Month ?? 0) << 32) | (uint)(d.Year ?? 0);
    }

    private static PartialDate? Unpack(long packed) => packed == 0
        ? null
        : new PartialDate(
            (packed & (1L << 60)) != 0 ? (int)(uint)packed : null,
            (packed & (1L << 61)) != 0 ? (int)((packed >> 32) & 0xFFF) : null,
            (packed & (1L << 62)) != 0 ? (int)((packed >> 44) & 0xFFF) : null);

    /// <summary>"Smith, John" → smith; "John Smith" → smith; accents folded.</summary>
    internal static string? LastName(string author)
    {
        var comma = author.IndexOf(',', StringComparison.Ordinal);
        var part = comma > 0 ? author[..comma] : author.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var words = TopicKey.Words(part);
        return words.Count > 0 ? string.Concat(words) : null;
    }

    /// <summary>
    /// −1 when <paramref name="a"/> is known to be earlier than <paramref name="b"/>, 1 when later, 0 when the same at
    /// the precision both have, null when unknown (a year is missing).
    /// </summary>
    internal static int? Compare(PartialDate? a, PartialDate? b)
    {
        if (a?.Year is not { } ya || b?.Year is not { } yb)
        {
            return null;
        }

        if (ya != yb)
        {
            return ya.CompareTo(yb);
        }

        if (a.Value.Month is not { } ma || b.Value.Month is not { } mb)
        {
            return 0;
        }

        if (ma != mb)
        {
            return ma.CompareTo(mb);
        }

        return a.Value.Day is { } da && b.Value.Day is { } db ? da.CompareTo(db) : 0;
    }
}
