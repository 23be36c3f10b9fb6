using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// A prepared INSERT on the write connection's own handle, bound by position and stepped row by row through SQLite's C
/// API (SQLitePCL.raw): the set-based writer's hot path. Binding by name through ADO.NET costs more than SQLite's own
/// work for a narrow row, and JSON row sets are re-parsed per column. Runs inside the connection's open transaction.
/// </summary>
internal sealed class RawInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private int _next = 1;

    public RawInsert(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public RawInsert Add(long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, _next++, value));
        return this;
    }

    public RawInsert Add(int value) => Add((long)value);

    public RawInsert Add(int? value) => value is { } v ? Add((long)v) : AddNull();

    public RawInsert Add(string? value)
    {
        // UTF-16 straight from the string: SQLite converts it, where the UTF-8 overload would allocate an array per value.
        Check(value is null ? raw.sqlite3_bind_null(_statement, _next++) : raw.sqlite3_bind_text16(_statement, _next++, value.AsSpan()));
        return this;
    }

    /// <summary>Inserts the bound row; the number of rows it changed (0 when a conflict clause skipped it).</summary>
    public int Step()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        _next = 1;
        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }

        return raw.sqlite3_changes(_db);
    }

    public void Dispose() => _statement.Dispose();

    private RawInsert AddNull()
    {
        Check(raw.sqlite3_bind_null(_statement, _next++));
        return this;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }
    }
}
