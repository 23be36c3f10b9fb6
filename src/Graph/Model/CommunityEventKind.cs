namespace CiteGraph.Graph.Model;

/// <summary>What happened to a community between two analytics runs (or two year slices of the timeline).</summary>
public enum CommunityEventKind
{
    /// <summary>A community with no predecessor: no earlier community holds most of it, and it is no piece of a split or merge.</summary>
    Born,

    /// <summary>A community that kept its id and gained at least a tenth of its size.</summary>
    Grew,

    /// <summary>A community that kept its id and lost at least a tenth of its size.</summary>
    Shrank,

    /// <summary>Two communities or more, most of each, went into this one (<see cref="CommunityEvent.Related"/> names them).</summary>
    Merged,

    /// <summary>This community's papers now make two communities or more, each mostly from it (<see cref="CommunityEvent.Related"/> names them).</summary>
    Split,

    /// <summary>A community with no successor: none of the new communities holds most of it, and it went into no merge or split.</summary>
    Died,
}
