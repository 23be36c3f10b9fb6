using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Loaders.Formats.OpenAlex;

/// <summary>
/// Rebuilds the text of an OpenAlex <c>abstract_inverted_index</c> (word → positions): words in position order, one
/// space apart; where two words claim a position, the later one wins.
/// </summary>
/// <remarks>
/// Runs once per work of a snapshot, so it allocates only the result: words stay UTF-8 slices of the document (a name
/// with a JSON escape is the rare one decoded on its own) and are decoded once, into a pooled buffer.
/// </remarks>
internal static class InvertedAbstract
{
    private readonly record struct Placed(int Position, int Order, int Offset, int Length, string? Decoded);

    public static string? Rebuild(JsonElement index)
    {
        if (index.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(index);
        var placed = ArrayPool<Placed>.Shared.Rent(256);
        var count = 0;
        try
        {
            foreach (var word in index.EnumerateObject())
            {
                if (word.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var name = JsonMarshal.GetRawUtf8PropertyName(word);
                var escaped = name.Contains((byte)'\\') ? word.Name : null;
                var offset = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(raw), ref MemoryMarshal.GetReference(name));
                foreach (var position in word.Value.EnumerateArray())
                {
                    if (position.ValueKind == JsonValueKind.Number && position.TryGetInt32(out var p) && p >= 0)
                    {
                        if (count == placed.Length)
                        {
                            var larger = ArrayPool<Placed>.Shared.Rent(count * 2);
                            placed.AsSpan(0, count).CopyTo(larger);
                            placed.AsSpan(0, count).Clear();
                            ArrayPool<Placed>.Shared.Return(placed);
                            placed = larger;
                        }

                        placed[count] = new Placed(p, count, offset, name.Length, escaped);
                        count++;
                    }
                }
            }

            return count == 0 ? null : Join(raw, placed.AsSpan(0, count));
        }
        finally
        {
            placed.AsSpan(0, count).Clear(); // no decoded names left behind in the pool
            ArrayPool<Placed>.Shared.Return(placed);
        }
    }

    private static string Join(ReadOnlySpan<byte> raw, Span<Placed> placed)
    {
        if (!InPositionOrder(placed))
        {
            placed.Sort(static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Order.CompareTo(b.Order));
        }

        var chars = ArrayPool<char>.Shared.Rent(raw.Length + placed.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < placed.Length; i++)
            {
                if (i + 1 < placed.Length && placed[i + 1].Position == placed[i].Position)
                {
                    continue; // a later word for the same position replaces this one
                }

                // A word decodes to no more chars than its UTF-8 bytes; one used at many positions can outgrow the buffer.
                var word = placed[i];
                var needed = (length > 0 ? 1 : 0) + (word.Decoded?.Length ?? word.Length);
                if (length + needed > chars.Length)
                {
                    chars = Grow(chars, length, Math.Max(chars.Length * 2, length + needed));
                }

                if (length > 0)
                {
                    chars[length++] = ' ';
                }

                if (word.Decoded is { } decoded)
                {
                    decoded.CopyTo(chars.AsSpan(length));
                    length += decoded.Length;
                }
                else
                {
                    length += Encoding.UTF8.GetChars(raw.Slice(word.Offset, word.Length), chars.AsSpan(length));
                }
            }

            return new string(chars, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Whether the words already stand in position order (an index written word by word often does): no sort then.</summary>
    private static bool InPositionOrder(ReadOnlySpan<Placed> placed)
    {
        for (var i = 1; i < placed.Length; i++)
        {
            // Order rises along the span, so equal positions are already in the order the sort would keep.
            if (placed[i].Position < placed[i - 1].Position)
            {
                return false;
            }
        }

        return true;
    }

    private static char[] Grow(char[] chars, int used, int size)
    {
        var larger = ArrayPool<char>.Shared.Rent(size);
        chars.AsSpan(0, used).CopyTo(larger);
        ArrayPool<char>.Shared.Return(chars);
        return larger;
    }
}
