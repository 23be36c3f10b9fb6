using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CiteGraph.GraphQL.Errors;

namespace CiteGraph.GraphQL.Pagination;

/// <summary>Opaque, stable Relay cursors: a paper's position in the store's order, encoded so clients do not build them.</summary>
public static class Cursor
{
    private const string Prefix = "cg1:";

    public static string Encode(long position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position in <paramref name="cursor"/>; a GraphQL error when it is not one of ours.</summary>
    public static long? Decode(string? cursor, string argument = "after")
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) &&
                long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidArgumentError(argument, "is not a cursor this API returned.") { Code = ErrorCodes.InvalidCursor };
    }
}
