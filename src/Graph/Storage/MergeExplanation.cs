using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A merged paper and, for every field some source gives, the source record whose value won (see
/// <see cref="PaperMerge.Explain"/>). Two explanations are equal when their papers and their provenance lists are.
/// </summary>
/// <param name="Paper">The merged paper, equal to what <see cref="PaperMerge.Merge"/> returns.</param>
/// <param name="Fields">One entry per field some source gives, in the order of <see cref="PaperFields.All"/>.</param>
public sealed record MergeExplanation(Paper Paper, IReadOnlyList<FieldProvenance> Fields)
{
    /// <summary>The provenance of <paramref name="field"/>, or null when no source gives it.</summary>
    public FieldProvenance? this[string field] => Fields.FirstOrDefault(f => string.Equals(f.Field, field, StringComparison.Ordinal));

    /// <inheritdoc />
    public bool Equals(MergeExplanation? other) =>
        other is not null && Paper == other.Paper && Fields.SequenceEqual(other.Fields);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Paper, Fields.Count);
}
