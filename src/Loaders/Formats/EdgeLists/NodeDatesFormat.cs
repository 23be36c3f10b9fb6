using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>SNAP node-date files: two columns like an edge list, the second a date (or a year, in a file named for dates).</summary>
internal sealed class NodeDatesFormat : IInputFormat
{
    public string Name => NodeDatesReader.FormatName;

    public string Description => "SNAP node dates (cit-HepTh-dates.txt): a node id and its date a line.";

    public IReadOnlyList<string> Aliases => ["dates"];

    public IReadOnlyList<string> Extensions => [".txt"];

    public InputShape Shape => InputShape.Text;

    // Before the edge list: a dates file is two columns too.
    public int Order => 90;

    public SniffMatch Sniff(InputHead head) =>
        EdgeColumns.Pairs(head) is { } pairs && EdgeColumns.AreNodeDates(head, pairs) ? SniffMatch.Strong : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new NodeDatesReader();
}
