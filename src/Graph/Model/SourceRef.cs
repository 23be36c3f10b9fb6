namespace CiteGraph.Graph.Model;

/// <summary>Provenance: the file (or other source) a record came from and where in it, e.g. <c>listing.txt</c> line 13.</summary>
/// <param name="Source">The file path or source label as the user gave it.</param>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="Format">The reader that produced the record, e.g. <c>hf-listing-c</c>.</param>
public sealed record SourceRef(string Source, int Line, string Format)
{
    public override string ToString() => $"{Source}:{Line}";
}
