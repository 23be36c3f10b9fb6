using CiteGraph.GraphQL.Mutations;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// The ingest service's format list, taken from the loaders' registry as the host's is, for printing the server's schema
/// without the host; printing never ingests.
/// </summary>
internal sealed class RegistryFormats : IIngestService
{
    public IReadOnlyList<IngestFormat> Formats { get; } =
        FormatRegistry.Default.Formats.Select(f => new IngestFormat(f.Name, f.Description)).ToArray();

    public Task<IngestOutcome> IngestAsync(string? format, string? idKind, string content, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the schema tests print the schema; they never ingest");
}
