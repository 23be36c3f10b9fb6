using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>SNAP-style edge lists (node ids, arXiv ids or DOIs): recognised by rows of two id columns, after every more specific text format.</summary>
internal sealed class EdgeListFormat : IInputFormat
{
    public string Name => EdgeListReader.FormatName;

    public string Description => "SNAP-style edge list (node ids, arXiv ids or DOIs).";

    public IReadOnlyList<string> Aliases => ["snap"];

    public IReadOnlyList<string> Extensions => [".txt", ".tsv", ".edges"];

    public InputShape Shape => InputShape.Text;

    public int Order => 100;

    public SniffMatch Sniff(InputHead head) => EdgeColumns.Pairs(head) is not null ? SniffMatch.Strong : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new EdgeListReader(options.EdgeDirection, options.IdKind);
}
