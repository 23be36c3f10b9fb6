using System.Text.Json;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// A Query API answer (plain JSON): <c>data.fields</c> and the row-major <c>data.values</c>, the counters when asked for,
/// the notifications and the bookmarks.
/// </summary>
public sealed class Neo4jResult
{
    internal Neo4jResult(IReadOnlyList<string> fields, IReadOnlyList<Neo4jRow> rows, IReadOnlyDictionary<string, long> counters,
        IReadOnlyList<Neo4jNotification> notifications, IReadOnlyList<string> bookmarks)
    {
        Fields = fields;
        Rows = rows;
        Counters = counters;
        Notifications = notifications;
        Bookmarks = bookmarks;
    }

    /// <summary>Column names, in order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<Neo4jRow> Rows { get; }

    /// <summary>Numeric counters (<c>nodesCreated</c>, <c>relationshipsCreated</c>, …); empty unless asked for.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; }

    /// <summary>Warnings and hints the server attached (never failures).</summary>
    public IReadOnlyList<Neo4jNotification> Notifications { get; }

    /// <summary>Bookmarks of the transaction.</summary>
    public IReadOnlyList<string> Bookmarks { get; }

    /// <summary>A counter's value, 0 when absent.</summary>
    public long Counter(string name) => Counters.TryGetValue(name, out var value) ? value : 0;

    /// <summary>Every row mapped by <paramref name="map"/>.</summary>
    public List<T> Select<T>(Func<Neo4jRow, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var list = new List<T>(Rows.Count);
        foreach (var row in Rows)
        {
            list.Add(map(row));
        }

        return list;
    }

    internal static Neo4jResult Parse(JsonElement root)
    {
        var fields = new List<string>();
        var rows = new List<Neo4jRow>();
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array)
            {
                fields.AddRange(f.EnumerateArray().Select(e => e.GetString() ?? ""));
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                index[fields[i]] = i;
            }

            if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in values.EnumerateArray())
                {
                    // Rows are arrays of columns; a single-column answer printed flat (an early docs shape) is one column.
                    var cells = row.ValueKind == JsonValueKind.Array ? row.EnumerateArray().Select(c => c.Clone()).ToArray() : [row.Clone()];
                    rows.Add(new Neo4jRow(index, cells));
                }
            }
        }

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (root.TryGetProperty("counters", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in c.EnumerateObject())
            {
                counters[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Number when p.Value.TryGetInt64(out var number) => number,
                    JsonValueKind.True => 1,
                    _ => 0,
                };
            }
        }

        var notifications = new List<Neo4jNotification>();
        if (root.TryGetProperty("notifications", out var n) && n.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in n.EnumerateArray())
            {
                notifications.Add(new Neo4jNotification(
                    Text(item, "code"), Text(item, "title"), Text(item, "description"), Text(item, "severity")));
            }
        }

        var bookmarks = root.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];
        return new Neo4jResult(fields, rows, counters, notifications, bookmarks);
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}

/// <summary>A notification Neo4j attached to a result (a warning or a hint, not a failure).</summary>
public sealed record Neo4jNotification(string Code, string Title, string Description, string Severity);
