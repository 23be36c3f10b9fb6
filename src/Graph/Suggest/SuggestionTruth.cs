using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Suggest;

/// <summary>Known references read from a truth file: per citing paper (dense snapshot index), the papers it really cites.</summary>
/// <param name="Lines">Lines read as pairs.</param>
/// <param name="References">Distinct resolved pairs grouped by citing paper.</param>
public sealed record SuggestionTruth(int Lines, IReadOnlyDictionary<int, IReadOnlySet<int>> References)
{
    /// <summary>Resolved pairs.</summary>
    public int Pairs => References.Values.Sum(r => r.Count);

    /// <summary>
    /// Reads a TSV of <c>citing id, cited id</c> pairs (tab, comma or space separated; any id kind the store knows). Blank
    /// lines and <c>#</c> comments are skipped; pairs naming a paper the store or the snapshot does not know are counted, not fatal.
    /// </summary>
    public static async Task<SuggestionTruth> ReadAsync(IGraphStore store, GraphSnapshot snapshot, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        var resolved = new Dictionary<string, int?>(StringComparer.Ordinal);
        async Task<int?> ResolveAsync(string id)
        {
            if (!resolved.TryGetValue(id, out var index))
            {
                var paper = await store.FindPaperAsync(id, cancellationToken).ConfigureAwait(false);
                index = paper is not null && snapshot.TryGetIndex(paper.Id, out var i) ? i : null;
                resolved[id] = index;
            }

            return index;
        }

        var references = new Dictionary<int, HashSet<int>>();
        var lines = 0;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(['\t', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#'))
            {
                continue;
            }

            lines++;
            if (await ResolveAsync(parts[0]).ConfigureAwait(false) is { } from && await ResolveAsync(parts[1]).ConfigureAwait(false) is { } to && from != to)
            {
                (references.TryGetValue(from, out var set) ? set : references[from] = []).Add(to);
            }
        }

        return new SuggestionTruth(lines, references.ToDictionary(r => r.Key, r => (IReadOnlySet<int>)r.Value));
    }
}
