using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// What SQLite's failures mean in the port's terms, in one place: a locked, busy or unreachable file is
/// <see cref="GraphStoreUnavailableException"/> (retrying may succeed), anything else a <see cref="GraphStoreException"/>
/// naming the file and saying what is wrong in the user's terms ("not a CiteGraph database").
/// </summary>
internal static class SqliteFailures
{
    /// <summary>The translation the store's guard applies to every member of the store at <paramref name="databasePath"/>.</summary>
    public static StoreFailureTranslation For(string databasePath) => ex => ex switch
    {
        SqliteException sqlite => Translate(sqlite, databasePath),
        UnauthorizedAccessException denied => new GraphStoreException($"{databasePath}: no permission to use the database or its folder ({denied.Message})", denied),
        IOException io => new GraphStoreUnavailableException($"{databasePath}: {io.Message}", io),
        _ => null,
    };

    /// <summary><paramref name="ex"/> as a port exception whose message starts with <paramref name="context"/> (the file, or what was being done to it).</summary>
    public static GraphStoreException Translate(SqliteException ex, string context)
    {
        var message = $"{context}: {Explain(ex)}";
        return IsUnavailable(ex) ? new GraphStoreUnavailableException(message, ex) : new GraphStoreException(message, ex);
    }

    /// <summary>SQLITE_BUSY, SQLITE_LOCKED (another process holds the file), SQLITE_IOERR, SQLITE_CANTOPEN (the file cannot be reached).</summary>
    public static bool IsUnavailable(SqliteException ex) => ex.SqliteErrorCode is 5 or 6 or 10 or 14;

    /// <summary>What a SQLite error means, in the user's terms.</summary>
    public static string Explain(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => "not a CiteGraph database (SQLite says: file is not a database)",
        11 => "the database file is corrupt (SQLite says: database disk image is malformed)",
        8 => "the database or its folder is read-only; CiteGraph needs to write there (the WAL and shared-memory files sit beside the database)",
        14 => "cannot open the database file (does its folder exist, and may this user write there?)",
        5 or 6 => "the database is locked by another process; try again when it is done",
        13 => "the disk is full",
        10 => $"the disk failed to read or write the database ({ex.Message})",
        _ => ex.Message,
    };
}
