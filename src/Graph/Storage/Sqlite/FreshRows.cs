namespace CiteGraph.Graph.Storage.Sqlite;

/// <summary>
/// The rows of the papers a batch creates (and the stubs their references need), with primary keys assigned here so
/// every table can be written set-based, in chunks, as the rows are made. Records that touch a paper already stored go
/// the row-by-row merge path instead.
/// </summary>
internal sealed class FreshRows
{
    public FreshRows(long firstPk, RowChunks papers, RowChunks sources, RowChunks externalIds, RowChunks authored, RowChunks cites)
    {
        NextPk = firstPk;
        Papers = papers;
        Sources = sources;
        ExternalIds = externalIds;
        Authored = authored;
        Cites = cites;
    }

    public long NextPk { get; private set; }

    /// <summary>Paper id → primary key of every paper or stub this batch creates.</summary>
    public Dictionary<string, long> Created { get; } = new(StringComparer.Ordinal);

    public RowChunks Papers { get; }

    public RowChunks Sources { get; }

    public RowChunks ExternalIds { get; }

    public RowChunks Authored { get; }

    public RowChunks Cites { get; }

    /// <summary>Ids the store already gave another row, found as the chunks went in: (kind, value, the new paper's key).</summary>
    public required List<(string Kind, string Value, long Pk)> TakenIds { get; init; }

    /// <summary>Papers whose repositories, links, mentions and keywords are written row by row after the chunks.</summary>
    public List<(long Pk, Model.PaperRecord Record)> Extras { get; } = [];

    public long Allocate(string paperId)
    {
        var pk = NextPk++;
        Created.Add(paperId, pk);
        return pk;
    }

    /// <summary>Sends every table's chunk after a record's rows are made, where it is full.</summary>
    public async Task RowsDoneAsync(CancellationToken cancellationToken)
    {
        await Papers.RowDoneAsync(cancellationToken).ConfigureAwait(false);
        await Sources.RowDoneAsync(cancellationToken).ConfigureAwait(false);
        await ExternalIds.RowDoneAsync(cancellationToken).ConfigureAwait(false);
        await Authored.RowDoneAsync(cancellationToken).ConfigureAwait(false);
        await Cites.RowDoneAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Papers.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Sources.FlushAsync(cancellationToken).ConfigureAwait(false);
        await ExternalIds.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Authored.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Cites.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
