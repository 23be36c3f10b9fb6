using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CiteGraph.Tests;

/// <summary>
/// Checks a directory of <c>neo4j-admin database import full</c> files against Neo4j's documented rules (Operations
/// Manual, "Import" and "CSV header format"; the import command's option descriptions), independently of the code that
/// wrote them: it reads the command from <c>import.sh</c>, then every header and data file it names. Rules checked:
/// the command's options are known and single characters; each header file is one line whose fields are
/// <c>name:type</c> with a known type (property types with an optional <c>[]</c>, <c>ID</c>/<c>START_ID</c>/<c>END_ID</c>
/// with an optional ID space, <c>LABEL</c>, <c>TYPE</c>, <c>IGNORE</c>); a node header has exactly one <c>:ID</c> and
/// no relationship fields, a relationship header one <c>:START_ID</c>, one <c>:END_ID</c> and at most one <c>:TYPE</c>;
/// property names are unique; every data record has the header's field count under RFC 4180 quoting (quotes doubled, a
/// quote only opening or closing a field, line breaks only inside quotes and only with <c>--multiline-fields=true</c>);
/// every value parses as its type (each array element too, no empty elements); ids are present and unique per ID space;
/// every relationship's ends are ids of its ID spaces.
/// </summary>
internal sealed partial class Neo4jAdminImportChecker
{
    private static readonly HashSet<string> PropertyTypes =
        ["int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"];

    private readonly Dictionary<string, HashSet<string>> _ids = new(StringComparer.Ordinal);
    private char _delimiter = ',', _arrayDelimiter = ';', _quote = '"';
    private bool _multiline;

    /// <summary>Everything found wrong, as <c>file:record: reason</c> (at most 50).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Data records of each file (by data file name).</summary>
    public Dictionary<string, long> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>The command's data sources: node or relationship, label or type, header file, data files.</summary>
    public List<(bool IsNode, string? Label, string Header, IReadOnlyList<string> Data)> Sources { get; } = [];

    /// <summary>Parsed records of each data file, by header field, when <see cref="Keep"/> is on (tests on small exports).</summary>
    public Dictionary<string, List<Dictionary<string, object?>>> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether to keep every parsed record in <see cref="Records"/>.</summary>
    public bool Keep { get; init; }

    /// <summary>The options the command gave (name → value).</summary>
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    public static Neo4jAdminImportChecker Check(string directory, bool keep = false)
    {
        var checker = new Neo4jAdminImportChecker { Keep = keep };
        checker.Run(directory);
        return checker;
    }

    private void Error(string message)
    {
        if (Errors.Count < 50)
        {
            Errors.Add(message);
        }
    }

    private void Run(string directory)
    {
        var script = Path.Combine(directory, "import.sh");
        if (!File.Exists(script))
        {
            Error("import.sh is missing");
            return;
        }

        ReadCommand(File.ReadAllText(script));
        // Node sources first: relationships refer to the ids they define, whatever the order on the command line.
        foreach (var source in Sources.Where(s => s.IsNode))
        {
            CheckSource(directory, source);
        }

        foreach (var source in Sources.Where(s => !s.IsNode))
        {
            CheckSource(directory, source);
        }
    }

    [GeneratedRegex(@"'?--(?<name>[a-z-]+)(=(?<value>[^'\\\s]*(?:'\\''[^'\\\s]*)*))?'?")]
    private static partial Regex OptionPattern();

    private void ReadCommand(string text)
    {
        // Comment lines say how to use the script; only the command counts.
        var script = string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        if (!script.Contains("database import full", StringComparison.Ordinal) && !Regex.IsMatch(script, @"\bdatabase\s+\\?\s*import\s+\\?\s*full\b"))
        {
            Error("import.sh: no 'neo4j-admin database import full' command");
        }

        foreach (Match m in OptionPattern().Matches(script))
        {
            var name = m.Groups["name"].Value;
            var value = m.Groups["value"].Value.Replace("'\\''", "'", StringComparison.Ordinal);
            switch (name)
            {
                case "nodes" or "relationships":
                    // --nodes=[<label>[:<label>]...=]<files>... ; --relationships=[<type>=]<files>...
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    var label = eq < 0 ? null : value[..eq];
                    var files = (eq < 0 ? value : value[(eq + 1)..]).Split(',');
                    if (files.Length < 2)
                    {
                        Error($"import.sh: --{name}={value}: a header file and at least one data file expected");
                    }

                    Sources.Add((name == "nodes", label, files[0], files[1..]));
                    break;
                case "delimiter":
                    _delimiter = Character(name, value);
                    break;
                case "array-delimiter":
                    _arrayDelimiter = Character(name, value);
                    break;
                case "quote":
                    _quote = Character(name, value);
                    break;
                case "multiline-fields":
                    _multiline = value == "true";
                    break;
                case "id-type" when value != "string":
                    Error($"import.sh: --id-type={value}: these files hold string ids");
                    break;
                case "legacy-style-quoting" when value != "false":
                    Error("import.sh: --legacy-style-quoting must be false for RFC 4180 quoting");
                    break;
                case "id-type" or "legacy-style-quoting" or "ignore-empty-strings" or "trim-strings" or "overwrite-destination":
                    break;
                default:
                    if (name is not ("expand-commands" or "verbose"))
                    {
                        Error($"import.sh: unknown option --{name}");
                    }

                    break;
            }

            Options[name] = value;
        }

        if (_delimiter == _arrayDelimiter || _delimiter == _quote || _arrayDelimiter == _quote)
        {
            Error("import.sh: delimiter, array delimiter and quote must differ");
        }
    }

    /// <summary>A character option: one character, <c>TAB</c>, or <c>U+XXXX</c>.</summary>
    private char Character(string name, string value)
    {
        if (value.Length == 1)
        {
            return value[0];
        }

        if (value == "TAB")
        {
            return '\t';
        }

        if (value.StartsWith("U+", StringComparison.Ordinal) && int.TryParse(value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code < 0x80)
        {
            // The importer wants a single byte in UTF-8.
            return (char)code;
        }

        Error($"import.sh: --{name}={value} is not one single-byte character");
        return '\0';
    }

    private sealed record Field(string Name, string Kind, string? Space, string? ElementType, bool IsArray);

    private void CheckSource(string directory, (bool IsNode, string? Label, string Header, IReadOnlyList<string> Data) source)
    {
        var headerPath = Path.Combine(directory, source.Header);
        if (!File.Exists(headerPath))
        {
            Error($"{source.Header}: missing");
            return;
        }

        List<Field> fields;
        using (var reader = new StreamReader(headerPath, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            var header = ReadRecord(reader, source.Header, 1, out _);
            if (header is null || ReadRecord(reader, source.Header, 2, out _) is not null)
            {
                Error($"{source.Header}: a header file holds exactly one line");
                return;
            }

            fields = ParseHeader(source.Header, header, source.IsNode, source.Label);
        }

        foreach (var data in source.Data)
        {
            CheckData(Path.Combine(directory, data), data, fields, source.IsNode);
        }
    }

    [GeneratedRegex(@"^(?<kind>ID|START_ID|END_ID)(\((?<space>[^()]+)\))?$")]
    private static partial Regex IdPattern();

    private List<Field> ParseHeader(string file, List<string?> header, bool isNode, string? commandLabel)
    {
        var fields = new List<Field>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in header)
        {
            var text = raw ?? "";
            var colon = text.LastIndexOf(':');
            var name = colon < 0 ? text : text[..colon];
            var type = colon < 0 ? "string" : text[(colon + 1)..];
            Field field;
            if (IdPattern().Match(type) is { Success: true } id)
            {
                field = new Field(name, id.Groups["kind"].Value, id.Groups["space"].Success ? id.Groups["space"].Value : null, null, false);
            }
            else if (type is "LABEL" or "TYPE" or "IGNORE")
            {
                field = new Field(name, type, null, null, false);
            }
            else
            {
                var isArray = type.EndsWith("[]", StringComparison.Ordinal);
                var element = isArray ? type[..^2] : type;
                if (!PropertyTypes.Contains(element))
                {
                    Error($"{file}: field '{text}': unknown type '{type}'");
                }

                if (name.Length == 0)
                {
                    Error($"{file}: field '{text}': a property needs a name");
                }

                field = new Field(name, "PROPERTY", null, element, isArray);
            }

            if ((field.Kind == "PROPERTY" || (field.Kind == "ID" && name.Length > 0)) && !names.Add(name))
            {
                Error($"{file}: property '{name}' appears twice");
            }

            fields.Add(field);
        }

        int Count(string kind) => fields.Count(f => f.Kind == kind);
        if (isNode)
        {
            if (Count("ID") != 1)
            {
                Error($"{file}: a node header has exactly one :ID field (has {Count("ID")})");
            }

            if (Count("START_ID") + Count("END_ID") + Count("TYPE") > 0)
            {
                Error($"{file}: a node header has no :START_ID, :END_ID or :TYPE");
            }

            if (Count("LABEL") == 0 && string.IsNullOrEmpty(commandLabel))
            {
                Error($"{file}: nodes without a label (no :LABEL field, none on the command line)");
            }
        }
        else
        {
            if (Count("START_ID") != 1 || Count("END_ID") != 1)
            {
                Error($"{file}: a relationship header has exactly one :START_ID and one :END_ID");
            }

            if (Count("ID") + Count("LABEL") > 0)
            {
                Error($"{file}: a relationship header has no :ID or :LABEL");
            }

            if (Count("TYPE") > 1 || (Count("TYPE") == 0 && string.IsNullOrEmpty(commandLabel)))
            {
                Error($"{file}: a relationship needs its type: one :TYPE field or a type on the command line");
            }
        }

        return fields;
    }

    private void CheckData(string path, string file, List<Field> fields, bool isNode)
    {
        if (!File.Exists(path))
        {
            Error($"{file}: missing");
            return;
        }

        var kept = Keep ? Records[file] = [] : null;
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        long record = 0;
        var line = 1;
        while (true)
        {
            var start = line;
            var values = ReadRecord(reader, file, start, out var lines);
            if (values is null)
            {
                break;
            }

            line += lines;
            record++;
            if (values.Count != fields.Count)
            {
                Error($"{file}:{start}: {values.Count} fields, the header has {fields.Count}");
                continue;
            }

            var map = kept is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                var f = fields[i];
                var v = values[i];
                switch (f.Kind)
                {
                    case "ID":
                        if (string.IsNullOrEmpty(v))
                        {
                            Error($"{file}:{start}: empty :ID");
                        }
                        else if (!Space(f.Space).Add(v))
                        {
                            Error($"{file}:{start}: duplicate id '{v}' in ID space {f.Space ?? "(global)"}");
                        }

                        break;
                    case "START_ID" or "END_ID":
                        if (string.IsNullOrEmpty(v) || !Space(f.Space).Contains(v))
                        {
                            Error($"{file}:{start}: {f.Kind} '{v}' is no node id of ID space {f.Space ?? "(global)"}");
                        }

                        break;
                    case "LABEL" or "TYPE":
                        if (v is not null && v.Split(_arrayDelimiter).Any(l => l.Length == 0))
                        {
                            Error($"{file}:{start}: empty {f.Kind}");
                        }

                        break;
                    case "PROPERTY":
                        CheckValue(file, start, f, v);
                        break;
                }

                if (map is not null)
                {
                    map[f.Kind == "PROPERTY" ? f.Name : (f.Name.Length > 0 ? f.Name : ":" + f.Kind)] =
                        f.IsArray && v is not null ? v.Split(_arrayDelimiter) : v;
                }
            }

            if (map is not null)
            {
                kept!.Add(map);
            }
        }

        Rows[file] = record;
        _ = isNode;
    }

    private HashSet<string> Space(string? space)
    {
        var key = space ?? "";
        return _ids.TryGetValue(key, out var set) ? set : _ids[key] = new HashSet<string>(StringComparer.Ordinal);
    }

    private void CheckValue(string file, int line, Field field, string? value)
    {
        if (value is null)
        {
            return;
        }

        var elements = field.IsArray ? value.Split(_arrayDelimiter) : [value];
        foreach (var element in elements)
        {
            if (field.IsArray && element.Length == 0)
            {
                Error($"{file}:{line}: '{field.Name}': an empty array element (a stray array delimiter)");
                continue;
            }

            var ok = field.ElementType switch
            {
                "int" => int.TryParse(element, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "long" => long.TryParse(element, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "short" => short.TryParse(element, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "byte" => sbyte.TryParse(element, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "float" or "double" => double.TryParse(element, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
                "boolean" => element is "true" or "false",
                "char" => element.Length == 1,
                _ => true,
            };
            if (!ok)
            {
                Error($"{file}:{line}: '{field.Name}' = '{element}' is not a {field.ElementType}");
            }
        }
    }

    /// <summary>
    /// One RFC 4180 record: fields at unquoted delimiters; a field that starts with the quote runs to the next single
    /// quote, a doubled quote inside it being one quote; an empty unquoted field is null (an absent property).
    /// </summary>
    private List<string?>? ReadRecord(TextReader reader, string file, int line, out int lines)
    {
        lines = 0;
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string?>();
        var field = new StringBuilder();
        bool quoted = false, wasQuoted = false, bad = false;
        int c;
        lines = 1;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == _quote)
                {
                    if (reader.Peek() == _quote)
                    {
                        field.Append(_quote);
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        lines++;
                        if (!_multiline && !bad)
                        {
                            Error($"{file}:{line}: a line break inside a field needs --multiline-fields=true");
                            bad = true;
                        }
                    }

                    field.Append(ch);
                }
            }
            else if (ch == _quote && field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (ch == _delimiter)
            {
                fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (ch == '\n')
            {
                break;
            }
            else if (ch == _quote || wasQuoted || ch == '\r')
            {
                if (!bad)
                {
                    Error($"{file}:{line}: {(ch == '\r' ? "a carriage return outside quotes" : ch == _quote ? "a quote inside an unquoted field" : "text after a closing quote")}");
                    bad = true;
                }

                field.Append(ch);
            }
            else
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            Error($"{file}:{line}: a quoted field is not closed before the end of the file");
        }

        fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
        return fields;
    }
}
