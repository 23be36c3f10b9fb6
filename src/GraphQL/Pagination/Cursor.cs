using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.GraphQL.Errors;

namespace CiteGraph.GraphQL.Pagination;

/// <summary>Opaque, stable Relay cursors: a paper's position in the store's order, encoded so clients do not build them.</summary>
public static class Cursor
{
    private const string Prefix = "cg1:";

    private const string OrderedPrefix = "cg2:";

    private const string ChangePrefix = "cg3:";

    /// <summary>A change feed cursor: the event's batch and sequence.</summary>
    public static string Encode(ChangeCursor change) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{ChangePrefix}{change.Batch}:{change.Sequence}")));

    /// <summary>
    /// The place in the change feed a cursor names; a sequence-only cursor from before batches (<c>cg1:</c>) is placed by the
    /// store. A GraphQL error when it is not one of ours.
    /// </summary>
    public static ChangeCursor DecodeChange(string? cursor, string argument = "after")
    {
        if (cursor is null)
        {
            return ChangeCursor.Start;
        }

        return Fields(cursor, ChangePrefix, 2) is { } parts &&
            long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var batch) &&
            long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? new ChangeCursor(batch, sequence)
            : new ChangeCursor(0, Decode(cursor, argument) ?? 0);
    }

    public static string Encode(long position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A cursor for a position in a sorted order: the order, the sort key and the position that breaks ties.</summary>
    public static string Encode(long position, PaperOrder order, double key) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{OrderedPrefix}{(int)order}:{key:R}:{position}")));

    /// <summary>The position and sort key of a cursor made for <paramref name="order"/>; a GraphQL error otherwise.</summary>
    public static (long? Position, double? Key) Decode(string? cursor, PaperOrder order, string argument = "after")
    {
        if (cursor is null)
        {
            return (null, null);
        }

        if (order == PaperOrder.LoadOrder)
        {
            return (Decode(cursor, argument), null);
        }

        if (Fields(cursor, OrderedPrefix, 3) is { } parts &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var o) && o == (int)order &&
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var key) &&
            long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return (position, key);
        }

        throw new InvalidArgumentError(argument, "is not a cursor this API returned for this orderBy.") { Code = ErrorCodes.InvalidCursor };
    }

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

    /// <summary>
    /// The <paramref name="count"/> fields after <paramref name="prefix"/> in a cursor (the prefix, then the fields joined by
    /// ':'); null when it is not base64url text of that shape.
    /// </summary>
    private static string[]? Fields(string cursor, string prefix, int count)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            return parts.Length == count + 1 && parts[0] + ":" == prefix ? parts[1..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
