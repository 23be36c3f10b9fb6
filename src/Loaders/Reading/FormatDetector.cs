using System.Text;
using CiteGraph.Loaders.Listings;

namespace CiteGraph.Loaders.Reading;

/// <summary>Chooses a reader from what an input's first bytes look like.</summary>
public static class FormatDetector
{
    private const int SniffBytes = 16 * 1024;

    /// <summary>The reader for <paramref name="input"/>, or the reason no reader fits (reported at line 1).</summary>
    public static async Task<(IRecordReader? Reader, string? Problem)> DetectAsync(InputFile input, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[SniffBytes];
        int length;
        await using (var stream = input.Open())
        {
            length = await stream.ReadAtLeastAsync(buffer, SniffBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        var head = buffer.AsSpan(0, length);
        if (head.Length == 0 || head.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return (null, "empty file: nothing to load");
        }

        if (LooksBinary(head))
        {
            return (null, "binary content, not a text listing or JSON (is this a compressed or image file?)");
        }

        var text = Encoding.UTF8.GetString(head);
        var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n')[0];
        if (first is '{' or '[')
        {
            return (null, "unknown layout: JSON content, and this build reads Hugging Face text listings only");
        }

        if (ListingReader.HasListingHeader(text))
        {
            return (new ListingReader(), null);
        }

        return (null, "unknown layout: no Hugging Face listing header ('Daily Papers', 'Subscribe', …) in the first lines");
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return true;
        }

        // Invalid UTF-8 or many control characters: a listing is UTF-8 prose.
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
