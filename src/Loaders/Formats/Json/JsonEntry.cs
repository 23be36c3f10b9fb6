using System.Text.Json;

namespace CiteGraph.Loaders.Formats.Json;

/// <summary>One parsed entry of a JSON input; <see cref="Element"/> is valid until the enumeration moves on.</summary>
/// <param name="Line">1-based line where the entry starts.</param>
/// <param name="Element">The entry, when it parsed.</param>
/// <param name="Error">Why it did not, else null.</param>
internal readonly record struct JsonEntry(int Line, JsonElement Element, string? Error);
