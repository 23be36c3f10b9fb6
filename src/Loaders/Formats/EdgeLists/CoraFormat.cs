using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>
/// Cora: a <c>.content</c> file (recognised by its rows of 0/1 word attributes) or, named with <c>--format cora</c>, a
/// <c>.cites</c> edge list read as <c>cited citing</c> unless the direction is given.
/// </summary>
internal sealed class CoraFormat : IInputFormat
{
    public string Name => "cora";

    public string Description => "Cora-style .cites (cited citing) and .content files.";

    public IReadOnlyList<string> Extensions => [".cites", ".content"];

    public InputShape Shape => InputShape.Text;

    public int Order => 80;

    public SniffMatch Sniff(InputHead head) =>
        head.DataLines.Count > 0 && EdgeColumns.IsCoraContent(head.Text) ? SniffMatch.Strong : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => EdgeColumns.IsCoraContent(head.Text)
        ? new CoraContentReader()
        : new EdgeListReader(options.EdgeDirection == EdgeDirection.Auto ? EdgeDirection.CitedCiting : options.EdgeDirection, options.IdKind);
}
