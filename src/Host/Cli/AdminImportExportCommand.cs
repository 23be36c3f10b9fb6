using System.Diagnostics;
using CiteGraph.Graph.Export;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph export --format neo4j-admin --out DIR</c>: the whole store as neo4j-admin import files, streamed.</summary>
internal static class AdminImportExportCommand
{
    public static async Task<int> RunAsync(StoreLocation location, string? directory, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            await Console.Error.WriteLineAsync("--format neo4j-admin writes a directory of files: give it with --out DIR.");
            return 2;
        }

        if (File.Exists(directory))
        {
            await Console.Error.WriteLineAsync($"--out: {directory} is a file; neo4j-admin files go in a directory.");
            return 2;
        }

        await using var store = CommonOptions.OpenStore(location);
        await store.InitializeAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        // Progress on stderr, at most one line a second, and each table's total.
        var progress = new SynchronousProgress<AdminImportProgress>(p =>
        {
            if (clock.Elapsed - lastLine >= TimeSpan.FromSeconds(1))
            {
                lastLine = clock.Elapsed;
                Console.Error.WriteLine($"  {p.Label}: {p.Rows:N0} rows ({clock.Elapsed.TotalSeconds:F0}s)");
            }
        });
        var report = await AdminImportExport.WriteAsync(store, directory, progress, cancellationToken);
        foreach (var file in report.Files)
        {
            await Console.Error.WriteLineAsync($"{file.Shape.Label,-16} {file.Rows,12:N0} {(file.Shape.IsNode ? "nodes" : "relationships"),-13} {file.Bytes,15:N0} bytes");
        }

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-9);
        await Console.Error.WriteLineAsync(
            $"{report.Nodes:N0} nodes, {report.Relationships:N0} relationships, {report.Bytes:N0} bytes in {report.Elapsed.TotalSeconds:F1}s " +
            $"({(report.Nodes + report.Relationships) / seconds:N0} rows/s) → {directory}; load with {Path.Combine(directory, AdminImportExport.ScriptName)}");
        return 0;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
