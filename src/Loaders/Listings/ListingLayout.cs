namespace CiteGraph.Loaders.Listings;

/// <summary>The three ways a saved Hugging Face listing page is laid out (DESIGN §4.1).</summary>
public enum ListingLayout
{
    /// <summary>Not determined yet (no entry read).</summary>
    Unknown,

    /// <summary>Title and abstract lines alternating with no blank lines; the first title may be glued to the header.</summary>
    A,

    /// <summary>Title, blank, abstract, blank.</summary>
    B,

    /// <summary>Like B, each abstract followed by an authors line, a <c>·</c> line and a date with optional upvotes.</summary>
    C,
}
