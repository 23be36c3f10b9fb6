using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.Arxiv;

/// <summary>arXiv metadata (the OAI snapshot): recognised by <c>authors_parsed</c>, <c>submitter</c>, <c>update_date</c> or <c>journal-ref</c>.</summary>
internal sealed class ArxivMetadataFormat : IInputFormat
{
    public string Name => ArxivMetadataReader.FormatName;

    public string Description => "arXiv metadata JSON lines.";

    public IReadOnlyList<string> Extensions => [".jsonl", ".json"];

    public InputShape Shape => InputShape.Json;

    public int Order => 50;

    public SniffMatch Sniff(InputHead head) =>
        head.Contains("\"authors_parsed\"") || head.Contains("\"submitter\"") || head.Contains("\"update_date\"") || head.Contains("\"journal-ref\"")
            ? SniffMatch.Strong
            : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new ArxivMetadataReader();
}
