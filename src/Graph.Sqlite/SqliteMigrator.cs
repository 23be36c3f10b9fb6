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

    public static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
