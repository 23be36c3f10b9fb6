using System.Runtime.CompilerServices;
using System.Text.Json;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.Json;

/// <summary>
/// The entry loop every JSON reader shares: stream the entries of a JSON array, JSON lines or an API envelope, reject an
/// entry that does not parse at its line (<c>file:line: malformed JSON: …</c>) and go on, and map each parsed entry with
/// the reader's own function, so a JSON reader is only its mapping.
/// </summary>
internal static class JsonEntryReader
{
    /// <summary>One result per entry: the mapping of <paramref name="map"/> (given the entry and its line), or the entry's rejection.</summary>
    /// <param name="input">The input to read.</param>
    /// <param name="isRecord">True when a top-level object is itself an entry, not an envelope of entries.</param>
    /// <param name="map">The record an entry stands for, or its rejection.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async IAsyncEnumerable<ReadResult> ReadAsync(
        InputFile input, Func<JsonElement, bool> isRecord, Func<JsonElement, int, ReadResult> map,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await foreach (var entry in JsonEntries.ReadAsync(input, isRecord, cancellationToken).ConfigureAwait(false))
        {
            yield return entry.Error is not null ? ReadResult.Rejected(input.Name, entry.Line, entry.Error) : map(entry.Element, entry.Line);
        }
    }

    /// <summary>As <see cref="ReadAsync(InputFile, Func{JsonElement, bool}, Func{JsonElement, int, ReadResult}, CancellationToken)"/>, for entries that may stand for several records or none (a citation row joining its citing paper's group).</summary>
    public static async IAsyncEnumerable<ReadResult> ReadManyAsync(
        InputFile input, Func<JsonElement, bool> isRecord, Func<JsonElement, int, IEnumerable<ReadResult>> map,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await foreach (var entry in JsonEntries.ReadAsync(input, isRecord, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Error is not null)
            {
                yield return ReadResult.Rejected(input.Name, entry.Line, entry.Error);
                continue;
            }

            foreach (var result in map(entry.Element, entry.Line))
            {
                yield return result;
            }
        }
    }
}
