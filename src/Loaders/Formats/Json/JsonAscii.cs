using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Loaders.Formats.Json;

/// <summary>
/// Plain-ASCII string values read in place: the common case of ids, URLs and dates, checked or cut without decoding the
/// value into a string first. Anything else (escapes, non-ASCII text) is for the caller's ordinary string path.
/// </summary>
internal static class JsonAscii
{
    /// <summary>
    /// The UTF-8 content (without quotes) of a string <paramref name="element"/> when it is plain ASCII without escapes;
    /// false for other kinds and for text that must be decoded to be read right.
    /// </summary>
    public static bool TryGet(JsonElement element, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 2 || raw[0] != (byte)'"')
        {
            return false;
        }

        raw = raw[1..^1];
        if (raw.Contains((byte)'\\') || !Ascii.IsValid(raw))
        {
            return false;
        }

        content = raw;
        return true;
    }

    /// <summary>Whether ASCII <paramref name="text"/> contains ASCII <paramref name="value"/>, ignoring case.</summary>
    public static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        for (var i = 0; i + value.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, value.Length), value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An ASCII span as a string, in one allocation.</summary>
    public static string ToString(ReadOnlySpan<byte> ascii) => Encoding.ASCII.GetString(ascii);
}
