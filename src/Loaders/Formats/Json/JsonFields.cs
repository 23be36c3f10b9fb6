using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Loaders.Formats.Json;

/// <summary>Tolerant field access for JSON records whose schema drifts: numbers as strings, nulls, case variants of names.</summary>
internal static class JsonFields
{
    /// <summary>The property with one of <paramref name="names"/> (tried in order, then case-insensitively), if present and not null.</summary>
    public static JsonElement? Get(this JsonElement element, params ReadOnlySpan<string> names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value))
            {
                return value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            // The name as written, without allocating it: every look-up of an absent property walks them all.
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            foreach (var name in names)
            {
                if (raw.Contains((byte)'\\') ? string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) : Ascii.EqualsIgnoreCase(raw, name))
                {
                    return property.Value.ValueKind is JsonValueKind.Null ? null : property.Value;
                }
            }
        }

        return null;
    }

    /// <summary>A string property (a number is given as its text), trimmed; null when absent or blank.</summary>
    public static string? String(this JsonElement element, params ReadOnlySpan<string> names)
    {
        var value = element.Get(names);
        var text = value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString(),
            JsonValueKind.Number => value.Value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>An integer property given as a number or as numeric text.</summary>
    public static int? Int(this JsonElement element, params ReadOnlySpan<string> names)
    {
        var value = element.Get(names);
        return value?.ValueKind switch
        {
            JsonValueKind.Number when value.Value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>The elements of an array property; empty when absent or not an array.</summary>
    public static IEnumerable<JsonElement> Array(this JsonElement element, params ReadOnlySpan<string> names)
    {
        var value = element.Get(names);
        return value is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
    }

    /// <summary>An object property, or null.</summary>
    public static JsonElement? Object(this JsonElement element, params ReadOnlySpan<string> names)
    {
        var value = element.Get(names);
        return value is { ValueKind: JsonValueKind.Object } ? value : null;
    }

    /// <summary>Collapses runs of whitespace (hard-wrapped titles and abstracts) into single spaces.</summary>
    public static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!NeedsCollapsing(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Whether <see cref="Collapse"/> would change a non-blank text: most texts are already single-spaced.</summary>
    private static bool NeedsCollapsing(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return true;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' ? text[i - 1] == ' ' : char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short description of an element's kind for error messages.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
