using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.OpenAlex;

/// <summary>OpenAlex works: recognised by <c>abstract_inverted_index</c>, <c>referenced_works</c> or an OpenAlex work URL.</summary>
internal sealed class OpenAlexWorkFormat : IInputFormat
{
    public string Name => OpenAlexWorkReader.FormatName;

    public string Description => "OpenAlex works.";

    public IReadOnlyList<string> Extensions => [".jsonl", ".json"];

    public InputShape Shape => InputShape.Json;

    public int Order => 30;

    public SniffMatch Sniff(InputHead head) =>
        head.Contains("\"abstract_inverted_index\"") || head.Contains("\"referenced_works\"") || head.Contains("\"https://openalex.org/W")
            ? SniffMatch.Strong
            : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new OpenAlexWorkReader();
}
