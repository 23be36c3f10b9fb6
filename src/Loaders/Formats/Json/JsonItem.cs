namespace CiteGraph.Loaders.Formats.Json;

/// <summary>One top-level entry of a JSON input: its bytes and the line it starts on, or why it could not be cut out.</summary>
/// <param name="Line">1-based line where the entry starts.</param>
/// <param name="Bytes">The entry's UTF-8 bytes (not yet validated as JSON; a slice of the scanner's buffer, valid until the next entry is asked for), or empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the entry is unreadable (truncated file, a broken line of JSON lines), else null.</param>
internal readonly record struct JsonItem(int Line, ReadOnlyMemory<byte> Bytes, string? Error);
