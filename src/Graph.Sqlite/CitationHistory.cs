namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// What is known of one citing pair (citing paper, cited paper) that some version removed a citation of: the stored
/// additions and removals of each of its citations (one per kind) after a version, oldest first, and the rows there now.
/// Whether the pair stood at a version is then exact, whichever of the citation's additions the log still stores: a
/// citation's events alternate (added when absent, removed when present), so it stood at <c>t</c> exactly when its first
/// event after <c>t</c> is a removal; with no event after <c>t</c> it stood when its row is there now and was written at
/// or before <c>t</c> (a row rewritten since would carry the later version).
/// </summary>
internal sealed class CitationHistory
{
    private readonly Dictionary<string, List<(long Version, bool Removed)>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);

    /// <summary>Records an event of the pair's citation of kind <paramref name="kind"/>; call in (version, sequence) order.</summary>
    public void AddEvent(string kind, long version, bool removed)
    {
        if (!_events.TryGetValue(kind, out var events))
        {
            _events[kind] = events = [];
        }

        events.Add((version, removed));
    }

    /// <summary>Records the pair's row of kind <paramref name="kind"/> there now, written by <paramref name="version"/> (0: before every version).</summary>
    public void AddRow(string kind, long version) => _rows[kind] = version;

    /// <summary>Whether some citation of the pair stood when version <paramref name="version"/> was made.</summary>
    public bool StoodAt(long version)
    {
        foreach (var (kind, events) in _events)
        {
            var next = events.FindIndex(e => e.Version > version);
            if (next >= 0 ? events[next].Removed : _rows.TryGetValue(kind, out var written) && written <= version)
            {
                return true;
            }
        }

        foreach (var (kind, written) in _rows)
        {
            if (!_events.ContainsKey(kind) && written <= version)
            {
                return true;
            }
        }

        return false;
    }
}
