using System.Security.Cryptography;
using System.Text;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Mutations;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Host.Hosting;

/// <summary>The <c>ingest</c> mutation's loader: content is named by its hash, so ingesting it again changes nothing.</summary>
internal sealed class LoaderIngestService(IGraphStore store) : IIngestService
{
    public async Task<IngestOutcome> IngestAsync(string? format, string? idKind, string content, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var name = "ingest/" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 6)) + ".txt";
        var input = new InputFile(name, () => new MemoryStream(bytes, writable: false));
        var report = await new Ingestor(store, new IngestOptions
        {
            Format = format,
            IdKind = idKind is null ? EdgeIdKind.Auto : Enum.Parse<EdgeIdKind>(idKind, ignoreCase: true),
        }).LoadAsync([input], cancellationToken: cancellationToken);
        return new IngestOutcome(report.Read, report.Loaded, report.New, report.Merged, report.Rejected,
            report.Rejections.Select(r => r.ToString()).ToList(), report.PapersInStore, report.CitationsAdded);
    }
}
