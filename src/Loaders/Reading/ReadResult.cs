using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Reading;

/// <summary>What a reader yields for each entry: a record, or the reason the entry was rejected.</summary>
public readonly record struct ReadResult(PaperRecord? Record, Rejection? Rejection)
{
    public static ReadResult Ok(PaperRecord record) => new(record, null);

    public static ReadResult Rejected(string source, int line, string reason) => new(null, new Rejection(source, line, reason));
}
