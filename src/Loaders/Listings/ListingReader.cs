using System.Runtime.CompilerServices;
using System.Text;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Listings;

/// <summary>
/// Reads Hugging Face paper listings saved as text, in any of the layouts A, B and C (DESIGN §4.1), including several
/// pages concatenated in one file. Each entry becomes a record with the links its abstract names; an entry that cannot
/// be read (a title without abstract, garbage bytes) is rejected with its line and reading goes on.
/// </summary>
public sealed class ListingReader : IRecordReader
{
    /// <summary>Longest line accepted as a title; longer ones are a paragraph without its title.</summary>
    public const int MaxTitleLength = 1000;

    /// <inheritdoc />
    public string Format => "hf-listing";

    /// <summary>The layout of the last input read.</summary>
    public ListingLayout Layout { get; private set; }

    /// <summary>True when the first non-blank lines of <paramref name="text"/> hold the listing page header.</summary>
    public static bool HasListingHeader(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim('\r', ' ', '\uFEFF')).Where(l => l.Length > 0).Take(12).ToList();
        return lines.Count(l => ListingLines.IsHeader(l) || ListingLines.GluedTitle(l) is not null) >= 2;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Layout = ListingLayout.Unknown;
        await using var stream = input.OpenContent();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var parser = new Parser(input.Name, this);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            foreach (var result in parser.Feed(line, lineNumber))
            {
                yield return result;
            }
        }

        foreach (var result in parser.End(lineNumber))
        {
            yield return result;
        }
    }

    private enum State
    {
        Header,
        ExpectTitle,
        ExpectAbstract,
        AfterAbstract,
        SkipMetadata,
    }

    /// <summary>The line-by-line state machine; one per input.</summary>
    private sealed class Parser(string source, ListingReader owner)
    {
        private State _state = State.Header;
        private Entry? _entry;
        private bool _blankSinceTitle;
        private bool _sawBlankBetween;
        private bool _sawMetadata;
        private int _garbageRunStart;
        private (string Line, int Number)? _pending;
        private bool _blankSincePending;

        public IEnumerable<ReadResult> Feed(string raw, int lineNumber)
        {
            var line = raw.Trim('\uFEFF', ' ', '\t', '\r');
            if (_pending is { } pending)
            {
                if (line.Length == 0)
                {
                    _blankSincePending = true;
                    yield break;
                }

                _pending = null;
                if (ListingLines.IsSeparator(line) || ListingLines.TryParseDate(line, out _, out _))
                {
                    // Layout C with the submitting organization written without its bullet ("stanfordnlp Stanford NLP",
                    // then "·" and the date): the line belongs to the entry above, which keeps its date and upvotes.
                    _sawMetadata = true;
                    _entry!.Organization ??= pending.Line;
                }
                else
                {
                    foreach (var r in Flush(pending.Number))
                    {
                        yield return r;
                    }

                    foreach (var r in TakeTitle(pending.Line, pending.Number))
                    {
                        yield return r;
                    }

                    _blankSinceTitle = _blankSincePending && _state == State.ExpectAbstract;
                }
            }

            foreach (var r in FeedLine(line, lineNumber))
            {
                yield return r;
            }
        }

        private IEnumerable<ReadResult> FeedLine(string line, int lineNumber)
        {
            if (line.Length == 0)
            {
                _blankSinceTitle |= _state == State.ExpectAbstract;
                _garbageRunStart = 0;
                yield break;
            }

            if (ListingLines.IsGarbage(line))
            {
                if (_garbageRunStart == 0)
                {
                    _garbageRunStart = lineNumber;
                    var lost = _state is State.ExpectAbstract ? $" (the entry titled '{Short(_entry!.Title)}' is dropped)" : "";
                    if (_state == State.ExpectAbstract)
                    {
                        _entry = null;
                        _state = State.ExpectTitle;
                    }

                    yield return Reject(lineNumber, "unreadable bytes (binary or non-UTF-8 text)" + lost);
                }

                yield break;
            }

            _garbageRunStart = 0;
            if (ListingLines.IsHeader(line) || (_state is State.Header or State.ExpectTitle && ListingLines.GluedTitle(line) is not null && IsHeaderContext()))
            {
                foreach (var r in Flush(lineNumber))
                {
                    yield return r;
                }

                _state = State.Header;
                if (ListingLines.GluedTitle(line) is { } glued && !ListingLines.IsHeader(line))
                {
                    StartEntry(glued, lineNumber);
                }

                yield break;
            }

            switch (_state)
            {
                case State.Header when ListingLines.TryParseDate(line, out _, out _):
                    // The listing's own date ("Aug 6"): when the page was listed, not when a paper was published.
                    yield break;
                case State.Header or State.ExpectTitle or State.SkipMetadata:
                    if (IsMetadata(line))
                    {
                        if (_state != State.SkipMetadata)
                        {
                            yield return Reject(lineNumber, $"'{Short(line)}' is paper metadata with no paper before it");
                        }

                        _state = State.SkipMetadata;
                        yield break;
                    }

                    foreach (var r in TakeTitle(line, lineNumber))
                    {
                        yield return r;
                    }

                    yield break;
                case State.ExpectAbstract:
                    if (IsMetadata(line))
                    {
                        yield return Reject(_entry!.TitleLine, $"title without abstract: '{Short(_entry.Title)}'");
                        _entry = null;
                        _state = State.SkipMetadata;
                        yield break;
                    }

                    if (!ListingLines.LooksLikeAbstract(line))
                    {
                        yield return Reject(_entry!.TitleLine, $"title without abstract: '{Short(_entry.Title)}'");
                        _entry = null;
                        foreach (var r in TakeTitle(line, lineNumber))
                        {
                            yield return r;
                        }

                        yield break;
                    }

                    _entry!.Abstract = line;
                    _sawBlankBetween |= _blankSinceTitle;
                    _state = State.AfterAbstract;
                    yield break;
                case State.AfterAbstract:
                    if (ListingLines.TryParseBullet(line, out var authors, out var organization))
                    {
                        _sawMetadata = true;
                        _entry!.AuthorsCount ??= authors;
                        _entry.Organization ??= organization;
                        yield break;
                    }

                    if (ListingLines.IsSeparator(line))
                    {
                        _sawMetadata = true;
                        yield break;
                    }

                    if (ListingLines.TryParseDate(line, out var date, out var upvotes) && _entry!.Published is null)
                    {
                        _sawMetadata = true;
                        _entry.Published = date;
                        _entry.Upvotes = upvotes;
                        yield break;
                    }

                    // The next title, or an organization line without its bullet: the line after it says which (Feed).
                    _pending = (line, lineNumber);
                    _blankSincePending = false;
                    yield break;
            }
        }

        public IEnumerable<ReadResult> End(int lastLine)
        {
            if (_pending is { } pending)
            {
                _pending = null;
                foreach (var r in Flush(pending.Number))
                {
                    yield return r;
                }

                foreach (var r in TakeTitle(pending.Line, pending.Number))
                {
                    yield return r;
                }
            }

            if (_state == State.ExpectAbstract)
            {
                yield return Reject(_entry!.TitleLine, $"title without abstract (the file ends after it): '{Short(_entry.Title)}'");
                _entry = null;
            }

            foreach (var r in Flush(lastLine))
            {
                yield return r;
            }
        }

        private bool IsHeaderContext() => _state == State.Header || _entry is null;

        private static bool IsMetadata(string line) =>
            ListingLines.TryParseBullet(line, out _, out _) || ListingLines.IsSeparator(line) || ListingLines.TryParseDate(line, out _, out _);

        private IEnumerable<ReadResult> TakeTitle(string line, int lineNumber)
        {
            if (line.Length > MaxTitleLength || ListingLines.LooksLikeAbstract(line) && line.Length >= 300)
            {
                yield return Reject(lineNumber, $"abstract without a title ({line.Length} characters where a title was expected)");
                _state = State.SkipMetadata;
                yield break;
            }

            StartEntry(line, lineNumber);
        }

        private void StartEntry(string title, int lineNumber)
        {
            _entry = new Entry(title, lineNumber);
            _blankSinceTitle = false;
            _state = State.ExpectAbstract;
        }

        private IEnumerable<ReadResult> Flush(int lineNumber)
        {
            _ = lineNumber;
            if (_entry is { Abstract: not null } entry)
            {
                owner.Layout = _sawMetadata ? ListingLayout.C : _sawBlankBetween ? ListingLayout.B : ListingLayout.A;
                yield return ReadResult.Ok(entry.ToRecord(source, "hf-listing-" + owner.Layout.ToString().ToLowerInvariant()));
            }

            _entry = null;
            _state = State.ExpectTitle;
        }

        private ReadResult Reject(int line, string reason) => ReadResult.Rejected(source, line, reason);

        private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }

    private sealed class Entry(string title, int titleLine)
    {
        public string Title { get; } = title;
        public int TitleLine { get; } = titleLine;
        public string? Abstract { get; set; }
        public int? AuthorsCount { get; set; }
        public string? Organization { get; set; }
        public PartialDate? Published { get; set; }
        public int? Upvotes { get; set; }

        public PaperRecord ToRecord(string source, string format)
        {
            var links = LinkExtractor.Extract(Abstract);
            var title = LatexText.Clean(Title);
            return new PaperRecord
            {
                Title = title,
                Abstract = Abstract,
                Published = Published,
                AuthorsCount = AuthorsCount,
                Organization = Organization,
                Upvotes = Upvotes,
                Repos = links.Repos,
                Links = links.Links,
                Mentions = links.Mentions,
                Source = new SourceRef(source, TitleLine, format),
            };
        }
    }
}
