using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Host.Tests;

/// <summary>A command pointed at something that is not a usable database says so in one line (issue 17, item 7).</summary>
public sealed class StoreErrorMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_garbage_file_is_named_in_one_line_without_a_stack_trace_and_verbose_adds_the_trace()
    {
        using var dir = new TempDirectory();
        var db = dir.File("garbage.db");
        await File.WriteAllBytesAsync(db, Enumerable.Range(0, 8192).Select(i => (byte)(i * 37 % 251)).ToArray(), Ct);

        var (exitCode, _, stderr) = await CitegraphProcess.RunAsync(Ct, "stats", "--db", db);
        Assert.Equal(1, exitCode);
        Assert.Equal($"citegraph: {db}: not a CiteGraph database (SQLite says: file is not a database)", stderr.Trim());

        var verbose = await CitegraphProcess.RunAsync(Ct, "stats", "--db", db, "--verbose");
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_corrupted_after_it_was_written_fails_stats_search_and_analyze_in_one_line()
    {
        using var dir = new TempDirectory();
        var db = dir.File("corrupt.db");
        await using (var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db }))
        {
            await new Ingestor(store).LoadAsync(DemoCorpus.Files, cancellationToken: Ct);
        }

        // The schema pages at the start stay readable; the pages papers, citations and the search index live on do not.
        var bytes = await File.ReadAllBytesAsync(db, Ct);
        for (var i = bytes.Length / 4; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 37 % 251);
        }

        await File.WriteAllBytesAsync(db, bytes, Ct);
        foreach (var args in new[] { new[] { "stats" }, ["search", "lattice attention", "--mode", "keyword"], ["analyze"] })
        {
            var (exitCode, _, stderr) = await CitegraphProcess.RunAsync(Ct, [.. args, "--db", db]);
            Assert.Equal(1, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"citegraph: {db}", line, StringComparison.Ordinal);
            Assert.True(line.Contains("corrupt", StringComparison.Ordinal) || line.Contains("not a CiteGraph database", StringComparison.Ordinal), $"{args[0]}: {line}");
        }
    }

    [Fact]
    public async Task A_database_from_a_newer_citegraph_is_refused_in_one_line()
    {
        using var dir = new TempDirectory();
        var db = dir.File("newer.db");
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x); PRAGMA user_version = 999;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var (exitCode, _, stderr) = await CitegraphProcess.RunAsync(Ct, "stats", "--db", db);
        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("schema version 999", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_byte_file_is_not_initialised_by_a_read_command()
    {
        using var dir = new TempDirectory();
        var db = dir.Write("empty.db", "");
        foreach (var command in new[] { "stats", "topics", "analyze", "derive" })
        {
            var (exitCode, _, stderr) = await CitegraphProcess.RunAsync(Ct, command, "--db", db);
            Assert.Equal(1, exitCode);
            Assert.Contains("is an empty file, not a CiteGraph database", stderr, StringComparison.Ordinal);
            Assert.Equal(0, new FileInfo(db).Length);
        }
    }

    [Fact]
    public async Task A_directory_given_as_the_database_is_called_a_directory()
    {
        using var dir = new TempDirectory();
        var folder = Directory.CreateDirectory(dir.File("folder")).FullName;
        var listing = dir.Write("a.txt", "Daily Papers\n\nSubscribe\n\nA Paper\n\nAn abstract that is long enough to read as one, ending with a period.\n");

        var stats = await CitegraphProcess.RunAsync(Ct, "stats", "--db", folder);
        Assert.Equal(1, stats.ExitCode);
        Assert.Contains($"{folder} is a directory, not a database file", stats.Stderr, StringComparison.Ordinal);

        var load = await CitegraphProcess.RunAsync(Ct, "load", listing, "--db", folder, "--quiet");
        Assert.Equal(1, load.ExitCode);
        Assert.Equal($"citegraph: {folder} is a directory, not a database file; give the path of a file in it (e.g. {Path.Combine(folder, "citegraph.db")}).", load.Stderr.Trim());
    }
}
