using System.Security.Cryptography;
using System.Text;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Mutations;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using GraphQL;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// The <c>ingest</c> mutation's loader: content is named by its hash, so ingesting it again changes nothing. Rejected
/// entries are appended to <c>&lt;db&gt;.rejects.jsonl</c> as a CLI load does; the disk quota of
/// <see cref="IngestLimitsOptions"/> is checked first.
/// </summary>
internal sealed class LoaderIngestService(IGraphStore store, StoreLocation location, IOptions<IngestLimitsOptions> limitOptions) : IIngestService
{
    /// <summary>The loaders' formats, as the schema's <c>SourceFormat</c> enum lists them.</summary>
    public static IReadOnlyList<IngestFormat> LoaderFormats { get; } =
        FormatRegistry.Default.Formats.Select(f => new IngestFormat(f.Name, f.Description)).ToArray();

    public IReadOnlyList<IngestFormat> Formats => LoaderFormats;

    public async Task<IngestOutcome> IngestAsync(string? format, string? idKind, string content, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var database = location.FilePath;
        if (database is not null)
        {
            EnsureRoom(database, bytes.LongLength);
        }

        var name = "ingest/" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 6)) + ".txt";
        var input = new InputFile(name, () => new MemoryStream(bytes, writable: false));
        var options = new IngestOptions
        {
            Format = format,
            VersionKind = Graph.Storage.Versions.VersionKind.Ingest,
            IdKind = idKind is null ? EdgeIdKind.Auto : Enum.Parse<EdgeIdKind>(idKind, ignoreCase: true),
            // Beside the store file, as the CLI writes them; a server store's go to the working directory, as the CLI's do.
            RejectsPath = location.Name + ".rejects.jsonl",
        };
        var report = await new Ingestor(store, options).LoadAsync([input], cancellationToken: cancellationToken);
        report = await DeriveStage.AfterLoadAsync(store, report, cancellationToken: cancellationToken);
        return new IngestOutcome(report.Read, report.Loaded, report.New, report.Merged, report.Rejected,
            report.Rejections.Select(r => r.ToString()).ToList(), report.PapersInStore, report.CitationsAdded);
    }

    private void EnsureRoom(string database, long contentBytes)
    {
        var limits = limitOptions.Value;
        var growth = contentBytes * IngestLimitsOptions.GrowthFactor;
        var size = SizeOf(database) + SizeOf(database + "-wal");
        if (limits.MaxDatabaseBytes > 0 && size + growth > limits.MaxDatabaseBytes)
        {
            throw new ExecutionError(
                $"Ingest refused: the database is {size:N0} bytes and this content could take it past its quota of " +
                $"{limits.MaxDatabaseBytes:N0} bytes (CiteGraph:Ingest:MaxDatabaseBytes).")
            { Code = "QUOTA_EXCEEDED" };
        }

        if (limits.MinFreeDiskBytes > 0 && DriveOf(database) is { } drive)
        {
            var free = drive.AvailableFreeSpace;
            if (free - growth < limits.MinFreeDiskBytes)
            {
                throw new ExecutionError(
                    $"Ingest refused: {free:N0} bytes are free on the database's disk and at least {limits.MinFreeDiskBytes:N0} " +
                    "must stay free (CiteGraph:Ingest:MinFreeDiskBytes).")
                { Code = "QUOTA_EXCEEDED" };
            }
        }
    }

    /// <summary>The mounted file system holding <paramref name="path"/>: the one with the longest root that contains it.</summary>
    private static DriveInfo? DriveOf(string path)
    {
        var full = Path.GetFullPath(path);
        return DriveInfo.GetDrives()
            .Where(d => d.IsReady && full.StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
            .MaxBy(d => d.RootDirectory.FullName.Length);
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
