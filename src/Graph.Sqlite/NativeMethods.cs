using System.Runtime.InteropServices;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The few SQLite C functions <see cref="RawInsert"/> calls on raw handles, from <c>e_sqlite3</c>: the library
/// SQLitePCL's provider (SQLitePCLRaw.provider.e_sqlite3) binds by the same name, so the runtime resolves both to the one
/// native library already loaded and the handles Microsoft.Data.Sqlite opened are valid here.
/// </summary>
/// <remarks>
/// Binds and the change count only touch the statement's memory and never wait: they skip the GC transition
/// (<see cref="SuppressGCTransitionAttribute"/>). <c>sqlite3_step</c> does I/O and can wait on a lock, and <c>sqlite3_reset</c> may end what a step began: they keep it.
/// </remarks>
internal static class NativeMethods
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_step(IntPtr statement);

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_reset(IntPtr statement);

    [DllImport(Library, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [DllImport(Library, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int sqlite3_bind_null(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int sqlite3_bind_text(IntPtr statement, int index, ref byte utf8, int length, IntPtr destructor);

    [DllImport(Library, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int sqlite3_changes(IntPtr connection);
}
