namespace CiteGraph.Loaders.Reading;

/// <summary>What format detection read of an input: its first 16 KiB as text (after gzip decompression), for sniffing.</summary>
public sealed class InputHead
{
    private static readonly char[] Leading = ['\uFEFF', ' ', '\t', '\r', '\n'];
    private IReadOnlyList<string>? _dataLines;

    /// <summary>A head of <paramref name="text"/> read from <paramref name="input"/>.</summary>
    /// <param name="input">The input the text was read from (its name may help: <c>*-dates.txt</c>).</param>
    /// <param name="text">The first bytes decoded as UTF-8.</param>
    /// <param name="truncated">True when the input goes on after <paramref name="text"/> (its last line may be cut).</param>
    public InputHead(InputFile input, string text, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        Input = input;
        Text = text;
        Truncated = truncated;
        var start = text.TrimStart(Leading);
        Shape = start.FirstOrDefault() is '{' or '[' ? InputShape.Json : InputShape.Text;
        FirstLine = start.Split('\n')[0];
    }

    /// <summary>The input.</summary>
    public InputFile Input { get; }

    /// <summary>The first bytes of the content as text.</summary>
    public string Text { get; }

    /// <summary>True when the content goes on after <see cref="Text"/>.</summary>
    public bool Truncated { get; }

    /// <summary>JSON when the first character after a byte order mark and white space is <c>{</c> or <c>[</c>, else text.</summary>
    public InputShape Shape { get; }

    /// <summary>The first line after leading blank lines (and a byte order mark), untrimmed at its end.</summary>
    public string FirstLine { get; }

    /// <summary>
    /// Up to 20 lines of data: trimmed, neither blank nor comments (<c>#</c>, <c>%</c>), without the last line when the
    /// head cut it.
    /// </summary>
    public IReadOnlyList<string> DataLines => _dataLines ??= Text.Split('\n')
        .SkipLast(Truncated ? 1 : 0)
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && l[0] is not '#' and not '%')
        .Take(20)
        .ToList();

    /// <summary>True when <paramref name="value"/> occurs in the head, ignoring case: a JSON key such as <c>"paperId"</c>.</summary>
    public bool Contains(string value) => Text.Contains(value, StringComparison.OrdinalIgnoreCase);
}
