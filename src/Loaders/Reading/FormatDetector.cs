using System.Text;

namespace CiteGraph.Loaders.Reading;

/// <summary>
/// Chooses a reader from what an input's first bytes look like (after gzip decompression, recognised by its magic
/// bytes), or from a format name given by the user, over the formats of a <see cref="FormatRegistry"/>.
/// </summary>
public static class FormatDetector
{
    private const int SniffBytes = 16 * 1024;

    /// <summary>Format names accepted by <see cref="ReadOptions.Format"/> (and the command line's <c>--format</c>): those of <see cref="FormatRegistry.Default"/>.</summary>
    public static IReadOnlyList<string> FormatNames => FormatRegistry.Default.Names;

    /// <summary>The reader for <paramref name="input"/>, or the reason no reader fits (reported at line 1).</summary>
    public static Task<(IRecordReader? Reader, string? Problem)> DetectAsync(InputFile input, CancellationToken cancellationToken = default) =>
        DetectAsync(input, ReadOptions.Default, cancellationToken);

    /// <summary>The reader for <paramref name="input"/> (the one <see cref="ReadOptions.Format"/> names, if set), or the reason no reader fits.</summary>
    public static async Task<(IRecordReader? Reader, string? Problem)> DetectAsync(
        InputFile input, ReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new byte[SniffBytes];
        int length;
        await using (var stream = input.OpenContent())
        {
            length = await stream.ReadAtLeastAsync(buffer, SniffBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        var bytes = buffer.AsSpan(0, length);
        if (bytes.Length == 0 || bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return (null, "empty file: nothing to load");
        }

        if (SavedPageKind(bytes) is { } saved)
        {
            return (null, saved);
        }

        if (LooksBinary(bytes))
        {
            return (null, "binary content, not text or JSON (an image, an archive other than gzip, or a corrupt file?)");
        }

        // Cut a possibly split UTF-8 sequence at the end of the sniffed bytes.
        var head = new InputHead(input, Encoding.UTF8.GetString(bytes).TrimEnd('\uFFFD'), truncated: length == SniffBytes);
        var registry = options.Formats ?? FormatRegistry.Default;
        if (options.Format is { } name)
        {
            return registry.Find(name) is { } named ? (named.Create(head, options), null) : (null, registry.UnknownFormat(name));
        }

        if (Sniff(registry, head) is { } format)
        {
            return (format.Create(head, options), null);
        }

        return head.Shape == InputShape.Json
            ? (null, "unknown layout: JSON, but no Hugging Face paper, arXiv metadata, OpenAlex work or Semantic Scholar paper fields in the first entries")
            : head.DataLines.Count == 0
                ? (null, "unknown layout: only comment lines in the first 16 KB")
                : (null, "unknown layout: no Hugging Face listing header ('Daily Papers', 'Subscribe', …), no JSON and no two-column edge list in the first lines");
    }

    /// <summary>The first format of the head's shape whose sniff matches strongly, else the first that matches weakly.</summary>
    private static IInputFormat? Sniff(FormatRegistry registry, InputHead head)
    {
        IInputFormat? weak = null;
        foreach (var format in registry.Formats.Where(f => f.Shape == head.Shape))
        {
            switch (format.Sniff(head))
            {
                case SniffMatch.Strong:
                    return format;
                case SniffMatch.Weak:
                    weak ??= format;
                    break;
            }
        }

        return weak;
    }

    /// <summary>
    /// A PDF or a web page saved as HTML: what people save first. Neither is read (a PDF has no listing; the HTML's markup
    /// changes with the site), so the reason says what to save instead.
    /// </summary>
    private static string? SavedPageKind(ReadOnlySpan<byte> head)
    {
        const string Instead = "save the Hugging Face papers page as text instead (open it in a browser, select all, copy and paste " +
                               "into a .txt file, or 'Save Page As…' with 'Text Files'), or load the papers API JSON " +
                               "(https://huggingface.co/api/daily_papers) or arXiv/OpenAlex/Semantic Scholar metadata";
        if (head.StartsWith("%PDF-"u8))
        {
            return "a PDF document, which CiteGraph does not read: " + Instead;
        }

        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? "a saved HTML page, which CiteGraph does not read: " + Instead
            : null;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return true;
        }

        // Invalid UTF-8 or many control characters: listings and JSON are UTF-8 text.
        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t')
            {
                control++;
            }
        }

        var invalid = Encoding.UTF8.GetString(head).Count(c => c == '\uFFFD');
        return control + invalid > Math.Max(8, head.Length / 100);
    }
}
