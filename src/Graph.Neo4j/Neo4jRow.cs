using System.Globalization;
using System.Text.Json;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// One result row: columns by name or position, read as the CLR type asked for (plain-JSON values). A column that is
/// missing or of another type means the database holds something CiteGraph did not write: a
/// <see cref="GraphStoreException"/>, like every other failure of the store.
/// </summary>
public sealed class Neo4jRow
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly JsonElement[] _cells;

    internal Neo4jRow(IReadOnlyDictionary<string, int> index, JsonElement[] cells)
    {
        _index = index;
        _cells = cells;
    }

    /// <summary>Number of columns.</summary>
    public int Count => _cells.Length;

    /// <summary>The raw JSON of a column.</summary>
    public JsonElement this[string field] => _index.TryGetValue(field, out var i) && i < _cells.Length
        ? _cells[i]
        : throw new GraphStoreException($"Neo4j's answer has no column '{field}' (columns: {string.Join(", ", _index.Keys)}).");

    /// <summary>The raw JSON of a column by position.</summary>
    public JsonElement this[int index] => _cells[index];

    /// <summary>True when the column is null or absent.</summary>
    public bool IsNull(string field) => !_index.TryGetValue(field, out var i) || i >= _cells.Length || _cells[i].ValueKind == JsonValueKind.Null;

    public string GetString(string field) => this[field] is { ValueKind: JsonValueKind.String } e ? e.GetString()! : throw Null(field);

    public string? GetStringOrNull(string field) => IsNull(field) ? null : GetString(field);

    public long GetInt64(string field) => ToInt64(this[field], field);

    public int GetInt32(string field) => checked((int)GetInt64(field));

    public int? GetInt32OrNull(string field) => IsNull(field) ? null : GetInt32(field);

    public double GetDouble(string field) => this[field].ValueKind == JsonValueKind.Number ? this[field].GetDouble() : throw Null(field);

    public double? GetDoubleOrNull(string field) => IsNull(field) ? null : GetDouble(field);

    public bool GetBoolean(string field) => this[field].ValueKind == JsonValueKind.True;

    /// <summary>A map column (<c>RETURN p {.*} AS paper</c>) as a row over its keys.</summary>
    public Neo4jRow GetMap(string field) => FromMap(this[field]);

    /// <summary>A list column.</summary>
    public IEnumerable<JsonElement> GetList(string field) => IsNull(field) ? [] : this[field].EnumerateArray();

    /// <summary>A row over the keys of a JSON object, so maps read like rows.</summary>
    public static Neo4jRow FromMap(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new GraphStoreException($"Neo4j answered {map.ValueKind} where CiteGraph expects a map.");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new List<JsonElement>();
        foreach (var property in map.EnumerateObject())
        {
            index[property.Name] = cells.Count;
            cells.Add(property.Value);
        }

        return new Neo4jRow(index, [.. cells]);
    }

    private static long ToInt64(JsonElement e, string field) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt64(out var n) => n,
        // Whole floats (toFloat(count)) and typed-JSON integers (strings) read as integers too.
        JsonValueKind.Number => checked((long)e.GetDouble()),
        JsonValueKind.String when long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw Null(field),
    };

    private static GraphStoreException Null(string field) => new($"Neo4j answered a column '{field}' that is null or not of the type CiteGraph wrote.");
}
