using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.OpenCitations;

/// <summary>OpenCitations citation CSV: recognised by its header naming <c>citing</c> and <c>cited</c> columns.</summary>
internal sealed class OpenCitationsCsvFormat : IInputFormat
{
    public string Name => OpenCitationsCsvReader.FormatName;

    public string Description => "OpenCitations citation CSV (COCI dumps, the OpenCitations Index): DOI-to-DOI citations.";

    public IReadOnlyList<string> Aliases => ["coci"];

    public IReadOnlyList<string> Extensions => [".csv"];

    public InputShape Shape => InputShape.Text;

    public int Order => 60;

    public SniffMatch Sniff(InputHead head) => OpenCitationsCsvReader.IsHeader(head.FirstLine) ? SniffMatch.Strong : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new OpenCitationsCsvReader();
}
