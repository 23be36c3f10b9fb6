using System.Runtime.CompilerServices;
using System.Text.Json;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.Json;

/// <summary>
/// The entries of a JSON, JSON-lines or gzip-compressed input, each parsed on its own. An API envelope
/// (<c>{"data": […]}</c>, <c>{"results": […]}</c>) is opened and its items become the entries.
/// </summary>
internal static class JsonEntries
{
    private static readonly string[] EnvelopeArrays = ["data", "results", "papers", "works"];

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Entries in file order; unreadable ones come with their error and reading goes on.</summary>
    public static async IAsyncEnumerable<JsonEntry> ReadAsync(
        InputFile input, Func<JsonElement, bool> isRecord, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = input.OpenContent();
        var scanner = new JsonItemScanner();
        await foreach (var item in scanner.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            if (item.Error is not null)
            {
                yield return new JsonEntry(item.Line, default, item.Error);
                continue;
            }

            var (document, error) = Parse(item);
            if (document is null)
            {
                yield return new JsonEntry(error!.Value.Line, default, error.Value.Message);
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                if (Envelope(root, isRecord) is { } items)
                {
                    foreach (var element in items.EnumerateArray())
                    {
                        yield return new JsonEntry(item.Line, element, null);
                    }
                }
                else
                {
                    yield return new JsonEntry(item.Line, root, null);
                }
            }
        }
    }

    private static (JsonDocument? Document, (int Line, string Message)? Error) Parse(JsonItem item)
    {
        // Text that is not Unicode would make every later read of a string throw: reject the entry here, once.
        if (!System.Text.Unicode.Utf8.IsValid(item.Bytes.Span))
        {
            return (null, (item.Line, "the entry holds bytes that are not UTF-8 text"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(item.Bytes, ParseOptions);
        }
        catch (JsonException ex)
        {
            return (null, (item.Line + (int)(ex.LineNumber ?? 0), $"malformed JSON: {Short(ex.Message)}"));
        }

        // A \uD800-style escape can still name half a character; only entries with escapes need the check.
        if (item.Bytes.Span.IndexOf("\\u"u8) >= 0 && !AllStringsReadable(document.RootElement))
        {
            document.Dispose();
            return (null, (item.Line, "the entry holds an escaped string that is not valid Unicode (a lone surrogate)"));
        }

        return (document, null);
    }

    private static bool AllStringsReadable(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!AllStringsReadable(item))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!AllStringsReadable(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The item array of an API envelope, when <paramref name="root"/> is one and not itself a record.</summary>
    private static JsonElement? Envelope(JsonElement root, Func<JsonElement, bool> isRecord)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind != JsonValueKind.Object || isRecord(root))
        {
            return null;
        }

        foreach (var name in EnvelopeArrays)
        {
            if (root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                return items;
            }
        }

        return null;
    }

    private static string Short(string message)
    {
        // System.Text.Json messages end with "LineNumber: 0 | BytePositionInLine: 12."; the line is reported separately.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
