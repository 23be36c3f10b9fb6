using System.Text;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Host.Tests;

/// <summary>
/// A load killed with SIGKILL (the papers written, the incremental derive half done or done) and run again ends in the
/// state of one uninterrupted load: the papers and their whole derived layer (issue 17, item 3).
/// </summary>
public sealed class IncrementalDeriveCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_load_killed_at_any_moment_and_run_again_ends_as_one_uninterrupted_load()
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 4_150, RefsPerPaper = 3, Seed = 23 }).ToArray();
        var older = _dir.Write("older.jsonl", string.Join('\n', lines[..4_000]));
        var newer = _dir.Write("newer.jsonl", string.Join('\n', lines[4_000..]));
        var baseline = _dir.File("base.db");
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = baseline }))
        {
            var loaded = await new Ingestor(store).LoadAsync([InputFile.FromPath(older)], cancellationToken: Ct);
            Assert.Equal(DeriveMode.Full, (await DeriveStage.AfterLoadAsync(store, loaded, cancellationToken: Ct)).Derived!.Mode);
        }

        var reference = Copy(baseline, "reference.db");
        var once = await CitegraphProcess.RunAsync(Ct, "load", newer, "--db", reference, "--json", "--no-embed");
        Assert.True(once.ExitCode == 0, once.Stderr);
        Assert.Contains("derived incrementally", once.Stdout, StringComparison.Ordinal);
        var expected = await DumpAsync(reference);

        var landed = new List<string>();
        foreach (var delay in new[] { 400, 900, 1_400, 2_000, 3_000 })
        {
            var crashed = Copy(baseline, $"crashed-{delay}.db");
            using (var process = CitegraphProcess.Start("load", newer, "--db", crashed, "--quiet", "--no-embed"))
            {
                await Task.Delay(delay, Ct);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(Ct);
            }

            landed.Add($"{delay} ms: {await LandedAsync(crashed)}");
            var again = await CitegraphProcess.RunAsync(Ct, "load", newer, "--db", crashed, "--quiet", "--no-embed");
            Assert.True(again.ExitCode == 0, again.Stderr);
            Assert.Equal(expected, await DumpAsync(crashed));
        }

        // Where the kills fell, for the record (timing varies with the machine's load).
        output.WriteLine(string.Join("\n", landed));
    }

    private string Copy(string from, string name)
    {
        var to = _dir.File(name);
        File.Copy(from, to);
        return to;
    }

    /// <summary>What the killed load had committed: new papers, and whether any of them had their topics yet.</summary>
    private static async Task<string> LandedAsync(string database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM paper WHERE is_stub = 0), (SELECT COUNT(DISTINCT paper_pk) FROM has_topic);";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return $"{reader.GetInt64(0)} papers, {reader.GetInt64(1)} with topics";
    }

    /// <summary>Papers and the whole derived layer, by id (never by row number), sorted, as text.</summary>
    private static async Task<string> DumpAsync(string database)
    {
        string[] queries =
        [
            "SELECT id, title, coalesce(abstract, '') FROM paper",
            "SELECT name, aliases, df, idf FROM topic",
            "SELECT p.id, t.name, h.weight FROM has_topic h JOIN paper p ON p.pk = h.paper_pk JOIN topic t ON t.pk = h.topic_pk",
            "SELECT a.id, b.id, c.weight, c.shared, c.reasons FROM co_topic c JOIN paper a ON a.pk = c.paper_pk JOIN paper b ON b.pk = c.other_pk",
            "SELECT a.id, b.id, c.kind, c.confidence, coalesce(c.evidence, '') FROM cites c JOIN paper a ON a.pk = c.src_pk JOIN paper b ON b.pk = c.dst_pk",
            "SELECT alias, t.name FROM topic_alias a JOIN topic t ON t.pk = a.topic_pk",
        ];
        await using var connection = await OpenAsync(database);
        var sb = new StringBuilder();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            sb.AppendLine(query).AppendJoin('\n', rows).AppendLine();
        }

        return sb.ToString();
    }

    private static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }
}
