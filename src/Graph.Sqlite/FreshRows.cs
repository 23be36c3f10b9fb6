namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// What a batch's set-based writer tracks while it inserts the papers the batch creates (and the stubs their references
/// need): primary keys assigned here, ids found already taken, and the papers whose few extra rows go in afterwards.
/// Records that touch a paper already stored go the row-by-row merge path instead.
/// </summary>
internal sealed class FreshRows(long firstPk)
{
    public long NextPk { get; private set; } = firstPk;

    /// <summary>Paper id → primary key of every paper or stub this batch creates.</summary>
    public Dictionary<string, long> Created { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids the store already gave another row: (kind, value, the new paper's key); their stubs merge at the end.</summary>
    public List<(string Kind, string Value, long Pk)> TakenIds { get; } = [];

    /// <summary>Papers whose repositories, links, mentions and keywords are written row by row after the rest.</summary>
    public List<(long Pk, Model.PaperRecord Record)> Extras { get; } = [];

    public long Allocate(string paperId)
    {
        var pk = NextPk++;
        Created.Add(paperId, pk);
        return pk;
    }
}
