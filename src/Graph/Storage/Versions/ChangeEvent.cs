using System.Text.Json;

namespace CiteGraph.Graph.Storage.Versions;

/// <summary>What an event of the change feed says happened.</summary>
public enum ChangeKind
{
    /// <summary>A paper was created (or a stub became a paper when its own record arrived).</summary>
    PaperAdded = 1,

    /// <summary>A source record was merged into a paper that already had one; the event names the source.</summary>
    PaperMerged = 2,

    /// <summary>A merged field of a paper took a new value; the event has the field, the old and the new value.</summary>
    FieldChanged = 3,

    /// <summary>A citation was written (explicit or inferred, with its evidence).</summary>
    CitationAdded = 4,

    /// <summary>A citation was removed (an inferred one a derive pass no longer proposes).</summary>
    CitationRemoved = 5,

    /// <summary>
    /// A community was born, grew, shrank, merged, split or died (stable community ids): written by an analyze run under its
    /// version. <see cref="ChangeEvent.PaperId"/> holds the community's id; <see cref="ChangeEvent.Data"/> the event (<c>event</c>,
    /// <c>level</c>, <c>community</c>, <c>size</c>, <c>previousSize</c>, <c>related</c> as <c>[[id, jaccard], …]</c>).
    /// </summary>
    CommunityEvent = 6,
}

/// <summary>
/// One event of the change feed, written in the same transaction as the change it describes. <see cref="Sequence"/> names
/// it within its <see cref="Batch"/> (a stored event's log sequence, or a citation row's key); <see cref="Data"/> is a small JSON object whose members depend on the kind (see the typed
/// accessors).
/// </summary>
public sealed record ChangeEvent(long Sequence, long Version, ChangeKind Kind, string PaperId, string? OtherPaperId, string? Data)
{
    /// <summary>The write transaction the event committed in (commit order; 0 when the store does not say).</summary>
    public long Batch { get; init; }

    /// <summary>The event's place in the feed: pass it back to read what follows it.</summary>
    public ChangeCursor Cursor => new(Batch, Sequence);

    /// <summary>A member of <see cref="Data"/> as text (numbers and booleans in their JSON form); null when absent or JSON null.</summary>
    public string? Get(string name)
    {
        if (Data is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(Data);
        if (!doc.RootElement.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }
}

/// <summary>A page of the change feed and whether more events follow it.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeEvent> Events, bool HasNextPage);
