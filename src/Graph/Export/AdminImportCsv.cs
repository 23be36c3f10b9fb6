using System.Globalization;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Export;

/// <summary>
/// The CSV dialect of the <c>neo4j-admin database import</c> files CiteGraph writes, and their headers, after Neo4j's
/// documented rules (Operations Manual, "Import", "CSV header format"): comma-delimited, <c>"</c> quotes doubled inside a
/// quoted field (RFC 4180; no backslash escapes), arrays joined with <see cref="ArrayDelimiter"/>, an empty unquoted
/// field for an absent property and <c>""</c> for an empty string, UTF-8.
/// </summary>
public static class AdminImportCsv
{
    /// <summary>The field delimiter (<c>--delimiter</c>, Neo4j's default).</summary>
    public const char Delimiter = ',';

    /// <summary>The quote character (<c>--quote</c>, Neo4j's default).</summary>
    public const char Quote = '"';

    /// <summary>
    /// The array delimiter (<c>--array-delimiter=U+001E</c>): the ASCII record separator, which no text CiteGraph stores
    /// uses, unlike Neo4j's default <c>;</c> that keywords and topic aliases contain. Array elements cannot escape it, so
    /// one inside an element is written as a space.
    /// </summary>
    public const char ArrayDelimiter = '\u001E';

    /// <summary>How <see cref="ArrayDelimiter"/> is given on the command line.</summary>
    public const string ArrayDelimiterOption = "U+001E";

    /// <summary>The header field type of a column type (Neo4j's names).</summary>
    public static string TypeName(ExportValueType type) => type switch
    {
        ExportValueType.String => "string",
        ExportValueType.Long => "long",
        ExportValueType.Double => "double",
        ExportValueType.Boolean => "boolean",
        ExportValueType.StringArray => "string[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The header fields of a table: a node table's key as <c>name:ID(Label)</c> (or <c>:ID(Label)</c> when the property is
    /// a column of its own), a relationship's ends as <c>:START_ID(Label)</c> and <c>:END_ID(Label)</c>, every other column
    /// as <c>name:type</c>, and last <c>:LABEL</c> or <c>:TYPE</c>.
    /// </summary>
    public static IReadOnlyList<string> Header(ExportTableShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var fields = new List<string>(shape.Columns.Count + 1);
        var first = shape.IsNode ? 1 : 2;
        if (shape.IsNode)
        {
            fields.Add((shape.KeyIsProperty ? shape.Columns[0].Name : "") + $":ID({shape.Label})");
        }
        else
        {
            fields.Add($":START_ID({shape.StartLabel})");
            fields.Add($":END_ID({shape.EndLabel})");
        }

        for (var i = first; i < shape.Columns.Count; i++)
        {
            fields.Add($"{shape.Columns[i].Name}:{TypeName(shape.Columns[i].Type)}");
        }

        fields.Add(shape.IsNode ? ":LABEL" : ":TYPE");
        return fields;
    }

    /// <summary>Writes one row: the values in the columns' order, then the label or type.</summary>
    /// <returns>Whether a field holds a line break (the import then needs <c>--multiline-fields=true</c>).</returns>
    public static bool WriteRow(TextWriter writer, ExportTableShape shape, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        var multiline = false;
        for (var i = 0; i < values.Length; i++)
        {
            multiline |= WriteField(writer, values[i]);
            writer.Write(Delimiter);
        }

        writer.Write(shape.Label);
        writer.Write('\n');
        return multiline;
    }

    /// <summary>Writes a header line.</summary>
    public static void WriteHeader(TextWriter writer, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(Delimiter);
            }

            WriteText(writer, fields[i]);
        }

        writer.Write('\n');
    }

    /// <summary>Writes one value; true when it holds a line break.</summary>
    private static bool WriteField(TextWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                return false;
            case string text:
                return WriteText(writer, text);
            case long number:
                writer.Write(number.ToString(CultureInfo.InvariantCulture));
                return false;
            case int number:
                writer.Write(number.ToString(CultureInfo.InvariantCulture));
                return false;
            case double number:
                // Neo4j reads Java's double syntax; NaN and infinities are not stored values of ours: absent.
                if (double.IsFinite(number))
                {
                    writer.Write(number.ToString("R", CultureInfo.InvariantCulture));
                }

                return false;
            case bool flag:
                writer.Write(flag ? "true" : "false");
                return false;
            case IEnumerable<string> items:
                var elements = items.Where(e => e.Length > 0).Select(e => e.Replace(ArrayDelimiter, ' ')).ToList();
                // An empty list is written as an absent property: Neo4j cannot tell an empty array from one empty string.
                return elements.Count > 0 && WriteText(writer, string.Join(ArrayDelimiter, elements));
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} to a neo4j-admin file.", nameof(value));
        }
    }

    /// <summary>Writes text, quoted when it must be (empty, delimiter, quote, line break, edge whitespace); true when it holds a line break.</summary>
    private static bool WriteText(TextWriter writer, string text)
    {
        var multiline = text.AsSpan().IndexOfAny('\r', '\n') >= 0;
        var quote = text.Length == 0 || multiline || text.AsSpan().IndexOfAny(Delimiter, Quote) >= 0
            || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);
        if (!quote)
        {
            writer.Write(text);
            return false;
        }

        writer.Write(Quote);
        writer.Write(text.Contains(Quote, StringComparison.Ordinal) ? text.Replace("\"", "\"\"", StringComparison.Ordinal) : text);
        writer.Write(Quote);
        return multiline;
    }
}
