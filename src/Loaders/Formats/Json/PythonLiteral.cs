using System.Globalization;
using System.Text;

namespace CiteGraph.Loaders.Formats.Json;

/// <summary>
/// Turns a Python literal (what <c>repr()</c> prints for dicts, lists, strings, numbers, True/False/None) into JSON text.
/// Some saved API responses hold entries as such strings instead of objects; they are read deliberately, not guessed at.
/// </summary>
internal static class PythonLiteral
{
    /// <summary>The JSON equivalent of <paramref name="text"/>, or null (with the reason) when it is not a Python literal.</summary>
    public static string? ToJson(string text, out string? error)
    {
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        error = null;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\'' or '"':
                    if (!ReadString(text, ref i, sb))
                    {
                        error = $"unterminated string at character {i}";
                        return null;
                    }

                    continue;
                case '{' or '}' or '[' or ']' or ',' or ':' or ' ' or '\t' or '\n' or '\r':
                    sb.Append(c);
                    break;
                case '(' or ')':
                    // Tuples print as lists.
                    sb.Append(c == '(' ? '[' : ']');
                    break;
                default:
                    var start = i;
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-' or '+' or '_'))
                    {
                        i++;
                    }

                    var word = text[start..i];
                    switch (word)
                    {
                        case "True":
                            sb.Append("true");
                            break;
                        case "False":
                            sb.Append("false");
                            break;
                        case "None":
                            sb.Append("null");
                            break;
                        default:
                            if (!double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                            {
                                error = $"'{(word.Length > 0 ? word : c.ToString())}' at character {start} is not a Python literal";
                                return null;
                            }

                            sb.Append(word);
                            break;
                    }

                    continue;
            }

            i++;
        }

        return sb.ToString();
    }

    private static bool ReadString(string text, ref int i, StringBuilder sb)
    {
        var quote = text[i++];
        sb.Append('"');
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == quote)
            {
                sb.Append('"');
                return true;
            }

            if (c == '\\' && i < text.Length)
            {
                var e = text[i++];
                switch (e)
                {
                    case '\'':
                        sb.Append('\'');
                        break;
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case 'x' when i + 2 <= text.Length:
                        sb.Append("\\u00").Append(text, i, 2);
                        i += 2;
                        break;
                    case 'U' when i + 8 <= text.Length:
                        var code = int.Parse(text.AsSpan(i, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        foreach (var unit in char.ConvertFromUtf32(code))
                        {
                            sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:x4}");
                        }

                        i += 8;
                        break;
                    case 'n' or 't' or 'r' or 'b' or 'f' or 'u' or '\\' or '/':
                        sb.Append('\\').Append(e);
                        break;
                    default:
                        sb.Append("\\\\").Append(e);
                        break;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case < ' ':
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return false;
    }
}
