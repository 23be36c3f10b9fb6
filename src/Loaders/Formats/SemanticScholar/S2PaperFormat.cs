using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.SemanticScholar;

/// <summary>Semantic Scholar papers and citation rows: recognised by <c>paperId</c>, <c>corpusid</c>, <c>citingcorpusid</c> or <c>externalIds</c>.</summary>
internal sealed class S2PaperFormat : IInputFormat
{
    public string Name => S2PaperReader.FormatName;

    public string Description => "Semantic Scholar Graph API papers.";

    public IReadOnlyList<string> Aliases => ["semantic-scholar"];

    public IReadOnlyList<string> Extensions => [".json", ".jsonl"];

    public InputShape Shape => InputShape.Json;

    public int Order => 40;

    public SniffMatch Sniff(InputHead head) =>
        head.Contains("\"paperId\"") || head.Contains("\"corpusid\"") || head.Contains("\"citingcorpusid\"") || head.Contains("\"externalIds\"")
            ? SniffMatch.Strong
            : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new S2PaperReader();
}
