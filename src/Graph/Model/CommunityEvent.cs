namespace CiteGraph.Graph.Model;

/// <summary>
/// A community event between an analytics run and the one before it, at one hierarchy level: the community it concerns (its
/// id in the new run; for <see cref="CommunityEventKind.Split"/> and <see cref="CommunityEventKind.Died"/>, its id in the
/// previous run), its size before and after, and the communities it came from or went into with their Jaccard overlap.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Level">Hierarchy level, 0 = coarsest.</param>
/// <param name="Community">The community concerned.</param>
/// <param name="Size">Its papers in the new run (0 when it died).</param>
/// <param name="PreviousSize">Its papers in the previous run (0 when it was born).</param>
/// <param name="Related">MERGED: the previous communities merged (this one's own id among them when it kept it); SPLIT: the new
/// communities it split into; otherwise the community on the other side of the id match, if any.</param>
public sealed record CommunityEvent(CommunityEventKind Kind, int Level, int Community, int Size, int PreviousSize, IReadOnlyList<CommunityOverlap> Related)
{
    /// <summary>The analytics run that recorded it (the store's run number); 0 before it is stored.</summary>
    public long Run { get; init; }

    /// <summary>When that run ran.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Equal when every field is, the related communities compared in order.</summary>
    public bool Equals(CommunityEvent? other) =>
        other is not null && Kind == other.Kind && Level == other.Level && Community == other.Community && Size == other.Size &&
        PreviousSize == other.PreviousSize && Run == other.Run && At == other.At && Related.SequenceEqual(other.Related);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Level, Community, Size, PreviousSize, Run);
}
