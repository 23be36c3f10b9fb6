using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, all pending ones in one write-locked transaction, recording the
/// schema version in <c>PRAGMA user_version</c>.
/// </summary>
internal static class SqliteMigrator
{
    private const string Prefix = "Migrations.";

    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = typeof(SqliteMigrator).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => (Version: int.Parse(n.AsSpan(Prefix.Length, 4), CultureInfo.InvariantCulture), Name: n))
        .OrderBy(m => m.Version)
        .ToArray();

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>
    /// Brings the schema to <see cref="LatestVersion"/>. The version is read and every pending script applied inside one
    /// <c>BEGIN IMMEDIATE</c> transaction, which holds the file's write lock from the read on: a second process opening
    /// the same new file waits for it (the busy timeout) and then reads the version this one wrote, instead of reading
    /// 0 beside it and creating the tables again (issue 17, item 4). A failed script leaves the version before it.
    /// <paramref name="upTo"/> stops at an earlier schema (tests that build a file as an earlier build wrote it).
    /// </summary>
    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken, int? upTo = null)
    {
        var target = upTo ?? LatestVersion;
        // Most opens find the schema current: settle that without taking the write lock.
        if (await GetVersionAsync(connection, cancellationToken).ConfigureAwait(false) == target)
        {
            return;
        }

        // As SQLite's own procedure for a table rebuilt in another shape says: foreign keys off, or a copy of a child table
        // looks every row's parents up (two random page reads a citation when 0023 rebuilt cites: over half an hour at ten
        // million papers) and DROP TABLE deletes the old rows one by one first. A page cache of up to 1 GiB keeps the
        // indexes being built out of a log that holds gigabytes of the transaction. Both can only change outside it.
        var foreignKeys = await PragmaAsync(connection, "foreign_keys", cancellationToken).ConfigureAwait(false);
        var cacheSize = await PragmaAsync(connection, "cache_size", cancellationToken).ConfigureAwait(false);
        await SetAsync(connection, SqliteGraphStore.LayerWriteSettings, cancellationToken).ConfigureAwait(false);
        try
        {
            await ApplyPendingAsync(connection, target, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Values read from SQLite itself, not input.
            await SetAsync(connection, $"PRAGMA foreign_keys = {foreignKeys}; PRAGMA cache_size = {cacheSize};", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ApplyPendingAsync(SqliteConnection connection, int target, CancellationToken cancellationToken)
    {
        await using var tx = connection.BeginTransaction(deferred: false);
        var current = await GetVersionAsync(connection, cancellationToken, tx).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new GraphStoreException(
                $"The database has schema version {current}, newer than this build of CiteGraph understands ({LatestVersion}).");
        }

        foreach (var (version, name) in Migrations.Where(m => m.Version > current && m.Version <= target))
        {
            await using var stream = typeof(SqliteMigrator).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var script = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            // The version is an integer from our own resource name, not input.
            await using var command = tx.Command(script + $"\nPRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The value of <c>PRAGMA <paramref name="name"/></c> (a name of this assembly's, never input) on <paramref name="connection"/>.</summary>
    public static async Task<long> PragmaAsync(SqliteConnection connection, string name, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task SetAsync(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
