namespace CiteGraph.Graph.Model;

/// <summary>
/// A community found by Louvain or Leiden: its id (unique across levels), hierarchy level (0 = coarsest), member count and
/// a label of the terms that set its members apart from the corpus.
/// </summary>
public sealed record Community(int Id, int Level, int Size, string Label)
{
    /// <summary>The community one level up that contains this one; null at level 0.</summary>
    public int? Parent { get; init; }

    /// <summary>Its most central members' ids, most central first (strongest links inside the community).</summary>
    public IReadOnlyList<string> CentralPapers { get; init; } = [];

    /// <summary>Equal when every field is, the central papers compared in order.</summary>
    public bool Equals(Community? other) =>
        other is not null && Id == other.Id && Level == other.Level && Size == other.Size && Label == other.Label &&
        Parent == other.Parent && CentralPapers.SequenceEqual(other.CentralPapers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Level, Size, Label, Parent);
}
