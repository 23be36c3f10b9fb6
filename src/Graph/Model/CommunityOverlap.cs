namespace CiteGraph.Graph.Model;

/// <summary>
/// A community an event relates to and how much the two share: the Jaccard index of their member sets (shared papers over
/// papers in either) between runs, or the share of citations for a timeline's year slices.
/// </summary>
public sealed record CommunityOverlap(int Community, double Jaccard);
