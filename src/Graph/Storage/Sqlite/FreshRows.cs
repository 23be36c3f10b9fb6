namespace CiteGraph.Graph.Storage.Sqlite;

/// <summary>
/// The rows of the papers a batch creates (and the stubs their references need), gathered with primary keys assigned
/// here so every table can be written with one set-based statement. Records that touch a paper already stored go the
/// row-by-row merge path instead.
/// </summary>
internal sealed class FreshRows(long firstPk)
{
    public long NextPk { get; private set; } = firstPk;

    /// <summary>Paper id → primary key of every paper or stub this batch creates.</summary>
    public Dictionary<string, long> Created { get; } = new(StringComparer.Ordinal);

    public JsonRows Papers { get; } = new();

    public JsonRows Sources { get; } = new();

    public JsonRows ExternalIds { get; } = new();

    public JsonRows Authored { get; } = new();

    public JsonRows Cites { get; } = new();

    /// <summary>Papers whose repositories, links, mentions and keywords are written once their rows exist.</summary>
    public List<(long Pk, Model.PaperRecord Record)> Extras { get; } = [];

    public long Allocate(string paperId)
    {
        var pk = NextPk++;
        Created.Add(paperId, pk);
        return pk;
    }
}
