using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// A prepared INSERT on the write connection's own handle, bound by position and stepped row by row through SQLite's C
/// API: the set-based writer's hot path (tens of millions of calls in a large load). Binding by name through ADO.NET
/// costs more than SQLite's own work for a narrow row, and JSON row sets are re-parsed per column. Runs inside the
/// connection's open transaction.
/// </summary>
/// <remarks>
/// The calls go to the same native library SQLitePCL loaded (<see cref="NativeMethods"/>), on raw pointers: SQLitePCL's
/// wrappers take a <see cref="SafeHandle"/> reference per call and bind text as UTF-16, which SQLite then copies and
/// converts to UTF-8 when it builds the record. Here the statement and connection handles are pinned once for the
/// insert's life, text is encoded to UTF-8 into one reused buffer that SQLite copies, and the binds — short, never
/// blocking — skip the GC transition.
/// </remarks>
internal sealed class RawInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _dbHandle;
    private readonly IntPtr _handle;
    private byte[] _text = new byte[256];
    private int _next = 1;
    private bool _disposed;

    public RawInsert(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        var added = false;
        _statement.DangerousAddRef(ref added);
        _handle = _statement.DangerousGetHandle();
        _dbHandle = _db.DangerousGetHandle();
    }

    public RawInsert Add(long value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Check(NativeMethods.sqlite3_bind_int64(_handle, _next++, value));
        return this;
    }

    public RawInsert Add(int value) => Add((long)value);

    public RawInsert Add(int? value) => value is { } v ? Add((long)v) : AddNull();

    public RawInsert Add(string? value)
    {
        if (value is null)
        {
            return AddNull();
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _text.Length)
        {
            _text = new byte[Math.Max(most, _text.Length * 2)];
        }

        // SQLITE_TRANSIENT (-1): SQLite copies the bytes before the call returns, so the buffer is free for the next value.
        // The buffer is never empty, so an empty string binds a zero-length text (a null pointer would bind NULL).
        var length = Encoding.UTF8.GetBytes(value, _text);
        Check(NativeMethods.sqlite3_bind_text(_handle, _next++, ref _text[0], length, new IntPtr(-1)));
        return this;
    }

    /// <summary>Inserts the bound row; the number of rows it changed (0 when a conflict clause skipped it).</summary>
    public int Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rc = NativeMethods.sqlite3_step(_handle);
        NativeMethods.sqlite3_reset(_handle);
        _next = 1;
        if (rc != raw.SQLITE_DONE)
        {
            throw Failure(rc);
        }

        return NativeMethods.sqlite3_changes(_dbHandle);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _statement.DangerousRelease();
        _statement.Dispose();
    }

    private RawInsert AddNull()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Check(NativeMethods.sqlite3_bind_null(_handle, _next++));
        return this;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Failure(rc);
        }
    }

    private SqliteException Failure(int rc) => new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
}
