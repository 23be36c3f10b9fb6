using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.HuggingFace;

/// <summary>
/// Hugging Face papers API JSON: recognised by the API's keys (<c>paper</c>, <c>ai_keywords</c>, <c>upvotes</c>, the
/// scraped lists' <c>paper_url</c>, a Python repr's <c>'paper':</c>), or weakly by <c>summary</c> with <c>publishedAt</c>.
/// </summary>
internal sealed class HfPaperJsonFormat : IInputFormat
{
    public string Name => HfPaperJsonReader.FormatName;

    public string Description => "Hugging Face papers API JSON.";

    public IReadOnlyList<string> Aliases => ["hf"];

    public IReadOnlyList<string> Extensions => [".json", ".jsonl"];

    public InputShape Shape => InputShape.Json;

    public int Order => 20;

    public SniffMatch Sniff(InputHead head) =>
        head.Contains("\"paper\":") || head.Contains("'paper':") || head.Contains("\"paper_url\"") || head.Contains("\"ai_keywords\"") || head.Contains("\"upvotes\"")
            ? SniffMatch.Strong
            : head.Contains("\"summary\"") && head.Contains("\"publishedAt\"") ? SniffMatch.Weak : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new HfPaperJsonReader();
}
