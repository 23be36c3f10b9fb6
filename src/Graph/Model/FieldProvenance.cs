namespace CiteGraph.Graph.Model;

/// <summary>Provenance of one merged paper field: the source record whose value won the merge.</summary>
/// <param name="Field">The field, named as in the API (see <see cref="PaperFields"/>), e.g. <c>abstract</c>.</param>
/// <param name="Value">The winning value as text: dates in ISO 8601 (possibly partial), numbers in invariant digits.</param>
/// <param name="Source">The source record that gave the value.</param>
public sealed record FieldProvenance(string Field, string Value, SourceRef Source);
