using System.Buffers;
using System.Runtime.CompilerServices;

namespace CiteGraph.Loaders.Formats.Json;

/// <summary>
/// Cuts a JSON input into its entries without parsing the whole file: the elements of a top-level array, or the
/// top-level values of JSON lines (or of concatenated JSON documents). Only one entry is held in memory at a time.
/// </summary>
/// <remarks>
/// A byte scanner tracks strings, escapes and bracket depth, so entry boundaries and line numbers are found without
/// building a DOM; each entry is then parsed on its own, and a malformed entry costs only itself. In JSON lines (the
/// first entry starts and ends on one line) a line that does not close its entry is reported and the next line starts
/// afresh.
/// </remarks>
internal sealed class JsonItemScanner
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Largest entry accepted; a bigger one is almost surely a broken file swallowed by an open string or bracket.</summary>
    internal const int MaxItemBytes = 256 * 1024 * 1024;

    private enum Mode
    {
        Unknown,
        Array,
        Values,
        AfterArray,
    }

    private enum ItemKind
    {
        None,
        Container,
        String,
        Literal,
    }

    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\\n"u8);

    private byte[] _buffer = new byte[ChunkSize * 2];
    private int _end;
    private int _pos;
    private int _line = 1;
    private Mode _mode;
    private int _depth;
    private bool _inString;
    private bool _escape;
    private ItemKind _item;
    private int _itemStart;
    private int _itemLine;
    private bool? _lineDelimited;
    private readonly List<JsonItem> _ready = [];

    /// <summary>True when the input was a top-level array (else JSON lines or a single document).</summary>
    public bool IsArray { get; private set; }

    /// <summary>
    /// The entries of <paramref name="stream"/>, in order. An entry's bytes are the scanner's own buffer: use them before
    /// asking for the next entry.
    /// </summary>
    public async IAsyncEnumerable<JsonItem> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_end == _buffer.Length)
            {
                Compact();
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            _end += read;
            Scan();
            foreach (var item in _ready)
            {
                yield return item;
            }

            _ready.Clear();
        }

        Finish();
        foreach (var item in _ready)
        {
            yield return item;
        }

        _ready.Clear();
    }

    /// <summary>Drops consumed bytes; grows the buffer when one entry fills it.</summary>
    private void Compact()
    {
        var keep = _item == ItemKind.None ? _pos : _itemStart;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= keep;
            _pos -= keep;
            _itemStart -= keep;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxItemBytes)
            {
                throw new InvalidDataException(
                    $"line {_itemLine}: an entry longer than {MaxItemBytes / (1024 * 1024)} MB (an unclosed string or bracket?)");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private void Scan()
    {
        var buffer = _buffer;
        for (; _pos < _end; _pos++)
        {
            var b = buffer[_pos];
            if (_mode is Mode.Unknown)
            {
                if (IsSpace(b) || b is 0xEF or 0xBB or 0xBF)
                {
                    if (b == (byte)'\n')
                    {
                        _line++;
                    }

                    continue;
                }

                if (b == (byte)'[')
                {
                    _mode = Mode.Array;
                    IsArray = true;
                    _depth = 1;
                    continue;
                }

                _mode = Mode.Values;
            }

            if (_inString)
            {
                if (!_escape && b is not ((byte)'"' or (byte)'\\' or (byte)'\n'))
                {
                    // Most bytes of an entry are inside strings: skip to the next one that can end the string, vectorized.
                    var stop = buffer.AsSpan(_pos, _end - _pos).IndexOfAny(StringStops);
                    if (stop < 0)
                    {
                        _pos = _end;
                        break;
                    }

                    _pos += stop;
                    b = buffer[_pos];
                }

                if (b == (byte)'\n')
                {
                    // A raw newline cannot be inside a JSON string: in JSON lines this line is broken.
                    if (BreakLine())
                    {
                        continue;
                    }

                    _line++;
                }
                else if (_escape)
                {
                    _escape = false;
                }
                else if (b == (byte)'\\')
                {
                    _escape = true;
                }
                else if (b == (byte)'"')
                {
                    _inString = false;
                    if (_item == ItemKind.String)
                    {
                        Complete(_pos + 1);
                    }
                }

                continue;
            }

            var baseDepth = _mode == Mode.Array ? 1 : 0;
            if (_item == ItemKind.Literal && _mode != Mode.Array && b != (byte)'\n')
            {
                // Outside an array a bare word runs to the end of its line (quotes and brackets included), so a line of
                // prose is one bad entry and the next line starts afresh.
                continue;
            }

            switch (b)
            {
                case (byte)'\n':
                    if (_item == ItemKind.Literal)
                    {
                        Complete(_pos);
                    }
                    else if (_item != ItemKind.None && BreakLine())
                    {
                        continue;
                    }

                    _line++;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r':
                    if (_item == ItemKind.Literal)
                    {
                        Complete(_pos);
                    }

                    break;
                case (byte)'"':
                    Start(ItemKind.String);
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    Start(ItemKind.Container);
                    _depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (_item == ItemKind.Literal)
                    {
                        Complete(_pos);
                    }

                    if (_item == ItemKind.Container)
                    {
                        _depth--;
                        if (_depth == baseDepth)
                        {
                            Complete(_pos + 1);
                        }
                    }
                    else if (_mode == Mode.Array && b == (byte)']')
                    {
                        _depth = 0;
                        _mode = Mode.AfterArray;
                    }
                    else
                    {
                        _ready.Add(new JsonItem(_line, default, $"unexpected '{(char)b}'"));
                    }

                    break;
                case (byte)',':
                    if (_item == ItemKind.Literal)
                    {
                        Complete(_pos);
                    }

                    break;
                default:
                    Start(ItemKind.Literal);
                    break;
            }
        }
    }

    private void Start(ItemKind kind)
    {
        if (_item != ItemKind.None)
        {
            return;
        }

        if (_mode == Mode.AfterArray)
        {
            _mode = Mode.Values;
            _ready.Add(new JsonItem(_line, default, "content after the end of the top-level array"));
        }

        _item = kind;
        _itemStart = _pos;
        _itemLine = _line;
    }

    private void Complete(int endExclusive)
    {
        // A slice of the buffer, not a copy (a copy per entry was an eighth of a load's allocation): it stays valid until
        // every ready item has been handed out, because the buffer is only compacted before the next read.
        _ready.Add(new JsonItem(_itemLine, _buffer.AsMemory(_itemStart, endExclusive - _itemStart), null));
        if (_mode == Mode.Values && _lineDelimited is null)
        {
            _lineDelimited = _itemLine == _line;
        }

        _item = ItemKind.None;
    }

    /// <summary>In JSON lines, a newline inside an entry ends it as broken; returns true when it did (the line is counted).</summary>
    private bool BreakLine()
    {
        if (_mode != Mode.Values || _lineDelimited == false)
        {
            return false;
        }

        if (_lineDelimited is null)
        {
            // The first entry is still open at its first newline: either pretty-printed JSON (the next line is a member,
            // '"key": …' or a closing bracket) or JSON lines whose first line is broken (the next line opens an entry).
            if (!(_inString || _depth == 1) || NextLineStart() != (byte)'{')
            {
                return false;
            }

            _lineDelimited = true;
        }

        _ready.Add(new JsonItem(_itemLine, default, "incomplete JSON: the line ends inside an entry"));
        _item = ItemKind.None;
        _depth = 0;
        _inString = false;
        _escape = false;
        _line++;
        return true;
    }

    /// <summary>The first byte of the next line that is not a space or tab, or 0 when it is not in the buffer yet.</summary>
    private byte NextLineStart()
    {
        for (var i = _pos + 1; i < _end; i++)
        {
            if (_buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return _buffer[i];
            }
        }

        return 0;
    }

    private void Finish()
    {
        if (_item == ItemKind.Literal)
        {
            Complete(_end);
        }
        else if (_item != ItemKind.None)
        {
            _ready.Add(new JsonItem(_itemLine, default, "the file ends inside this entry (truncated?)"));
            _item = ItemKind.None;
        }
        else if (_mode == Mode.Array)
        {
            _ready.Add(new JsonItem(_line, default, "the file ends before the top-level array is closed (truncated?)"));
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
