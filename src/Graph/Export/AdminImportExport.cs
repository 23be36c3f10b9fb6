using System.Diagnostics;
using System.Text;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Export;

/// <summary>One table's file pair in a neo4j-admin export.</summary>
/// <param name="Shape">The table.</param>
/// <param name="HeaderFile">The header file's name (in the export directory).</param>
/// <param name="DataFile">The data file's name.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Bytes">Size of the data file.</param>
public sealed record AdminImportFile(ExportTableShape Shape, string HeaderFile, string DataFile, long Rows, long Bytes);

/// <summary>What a neo4j-admin export wrote.</summary>
/// <param name="Files">The file pairs of the non-empty tables, nodes first.</param>
/// <param name="Multiline">Whether a field holds a line break (the import runs with <c>--multiline-fields=true</c>).</param>
/// <param name="Command">The <c>neo4j-admin database import full</c> arguments, as written to <c>import.sh</c>.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record AdminImportReport(IReadOnlyList<AdminImportFile> Files, bool Multiline, IReadOnlyList<string> Command, TimeSpan Elapsed)
{
    /// <summary>Nodes written.</summary>
    public long Nodes => Files.Where(f => f.Shape.IsNode).Sum(f => f.Rows);

    /// <summary>Relationships written.</summary>
    public long Relationships => Files.Where(f => !f.Shape.IsNode).Sum(f => f.Rows);

    /// <summary>Bytes of every data file.</summary>
    public long Bytes => Files.Sum(f => f.Bytes);
}

/// <summary>Progress of a neo4j-admin export: the table being written and its rows so far.</summary>
public sealed record AdminImportProgress(string Label, long Rows);

/// <summary>
/// Writes the whole store as the files <c>neo4j-admin database import full</c> reads: per node label and relationship
/// type a header file (<c>Paper.header.csv</c>) and a data file (<c>Paper.csv</c>) in <see cref="AdminImportCsv"/>'s
/// dialect, ids in one ID space per label, plus <c>import.sh</c> with the exact command and a <c>README.md</c>. Rows are
/// streamed from the store (<see cref="IGraphExportReader"/>) straight to disk: memory stays at one page whatever the
/// store's size. The labels, types and properties are the Neo4j store's model, so the imported database is served by
/// <c>--store neo4j+http://…</c> as it is.
/// </summary>
public static class AdminImportExport
{
    /// <summary>The name of the generated import script.</summary>
    public const string ScriptName = "import.sh";

    /// <summary>Exports every table of <paramref name="store"/> into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="store">The store to read.</param>
    /// <param name="directory">Where to write; existing export files are replaced.</param>
    /// <param name="progress">Hears each table's row count every 100,000 rows and when it ends.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public static async Task<AdminImportReport> WriteAsync(
        IGraphExportReader store, string directory, IProgress<AdminImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var clock = Stopwatch.StartNew();
        var files = new List<AdminImportFile>();
        var multiline = false;
        foreach (var shape in ExportTables.All)
        {
            var header = shape.Label + ".header.csv";
            var data = shape.Label + ".csv";
            long rows = 0;
            var dataPath = Path.Combine(directory, data);
            await using (var stream = new FileStream(dataPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: false))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
            {
                await foreach (var row in store.ReadExportRowsAsync(shape.Table, cancellationToken).ConfigureAwait(false))
                {
                    multiline |= AdminImportCsv.WriteRow(writer, shape, row);
                    if (++rows % 100_000 == 0)
                    {
                        progress?.Report(new AdminImportProgress(shape.Label, rows));
                    }
                }
            }

            progress?.Report(new AdminImportProgress(shape.Label, rows));
            var headerPath = Path.Combine(directory, header);
            if (rows == 0)
            {
                // An empty table is left out of the import (and of the directory).
                File.Delete(dataPath);
                File.Delete(headerPath);
                continue;
            }

            await using (var writer = new StreamWriter(headerPath, false, new UTF8Encoding(false)))
            {
                AdminImportCsv.WriteHeader(writer, AdminImportCsv.Header(shape));
            }

            files.Add(new AdminImportFile(shape, header, data, rows, new FileInfo(dataPath).Length));
        }

        var command = Command(files, multiline);
        await File.WriteAllTextAsync(Path.Combine(directory, ScriptName), Script(command), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(directory, ScriptName),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var report = new AdminImportReport(files, multiline, command, clock.Elapsed);
        await File.WriteAllTextAsync(Path.Combine(directory, "README.md"), Readme(report), cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>
    /// The arguments after <c>neo4j-admin</c>: <c>database import full</c>, the dialect's options spelled out (so a change of
    /// Neo4j's defaults cannot misread the files), then <c>--nodes=Label=header,data</c> per node file and
    /// <c>--relationships=TYPE=header,data</c> per relationship file, paths relative to the export directory.
    /// </summary>
    public static IReadOnlyList<string> Command(IReadOnlyList<AdminImportFile> files, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(files);
        var args = new List<string>
        {
            "database", "import", "full",
            $"--delimiter={AdminImportCsv.Delimiter}",
            $"--array-delimiter={AdminImportCsv.ArrayDelimiterOption}",
            $"--quote={AdminImportCsv.Quote}",
            "--id-type=string",
            "--legacy-style-quoting=false",
            "--ignore-empty-strings=false",
            "--trim-strings=false",
            $"--multiline-fields={(multiline ? "true" : "false")}",
        };
        args.AddRange(files.Select(f => $"--{(f.Shape.IsNode ? "nodes" : "relationships")}={f.Shape.Label}={f.HeaderFile},{f.DataFile}"));
        return args;
    }

    private static string ShellQuote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Script(IReadOnlyList<string> command)
    {
        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        text.Append("# Loads this directory into a new Neo4j database (written by `citegraph export --format neo4j-admin`).\n");
        text.Append("# Usage: ./import.sh [DATABASE]   (default neo4j; the database must not exist or be stopped and empty).\n");
        text.Append("# NEO4J_ADMIN names the neo4j-admin executable (default: neo4j-admin on PATH). Extra options go in IMPORT_OPTIONS,\n");
        text.Append("# e.g. IMPORT_OPTIONS=--overwrite-destination=true.\n");
        text.Append("set -eu\n");
        text.Append("cd \"$(dirname \"$0\")\"\n");
        text.Append("exec \"${NEO4J_ADMIN:-neo4j-admin}\" \\\n");
        foreach (var arg in command)
        {
            text.Append("  ").Append(arg.StartsWith("--", StringComparison.Ordinal) ? ShellQuote(arg) : arg).Append(" \\\n");
        }

        text.Append("  ${IMPORT_OPTIONS:-} \"${1:-neo4j}\"\n");
        return text.ToString();
    }

    private static string Readme(AdminImportReport report)
    {
        var text = new StringBuilder();
        text.Append("# CiteGraph export for neo4j-admin\n\n");
        text.Append($"{report.Nodes:N0} nodes and {report.Relationships:N0} relationships in {report.Files.Count} header/data file pairs ");
        text.Append($"({report.Bytes:N0} bytes of data), in the CiteGraph Neo4j store's model (labels, types and properties of docs/neo4j.md).\n\n");
        text.Append("Load them into a new database with Neo4j stopped (or the database not yet created):\n\n```sh\n./import.sh neo4j\n```\n\nwhich runs\n\n```sh\nneo4j-admin ");
        text.Append(string.Join(" \\\n  ", report.Command.Select(a => a.StartsWith("--", StringComparison.Ordinal) ? ShellQuote(a) : a)));
        text.Append(" \\\n  neo4j\n```\n\n");
        text.Append("Then start Neo4j (`CREATE DATABASE name` first for a database other than the default) and run any `citegraph` command ");
        text.Append("with `--store neo4j+http://…`: it applies `cypher/schema.cypher` (constraints, indexes, the full-text index), which the ");
        text.Append("import does not create.\n\n");
        text.Append("| file | kind | rows |\n|---|---|---:|\n");
        foreach (var file in report.Files)
        {
            text.Append($"| `{file.DataFile}` | {(file.Shape.IsNode ? "nodes" : "relationships")} `{file.Shape.Label}` | {file.Rows:N0} |\n");
        }

        text.Append("\nDialect: comma-delimited, `\"` quotes doubled inside quoted fields, arrays joined with U+001E, an empty unquoted field ");
        text.Append("for an absent property and `\"\"` for an empty string, UTF-8, `\\n` line ends");
        text.Append(report.Multiline ? "; some fields hold line breaks (`--multiline-fields=true`).\n" : ".\n");
        return text.ToString();
    }
}
