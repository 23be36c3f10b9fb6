namespace CiteGraph.Graph.Suggest;

/// <summary>Which citations the engine may see while suggesting references for a paper.</summary>
public enum SuggestionScope
{
    /// <summary>The whole graph: the API's view.</summary>
    Live,

    /// <summary>
    /// The paper as if it had just appeared: only citations made by papers strictly earlier than it count, and of its own
    /// citations only those inferred from its text. Evaluation uses this, so a paper's real references never help find them.
    /// </summary>
    HeldOut,
}
