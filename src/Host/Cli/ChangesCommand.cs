using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;

namespace CiteGraph.Host.Cli;

/// <summary>
/// <c>citegraph changes --since V [--json] [--db PATH]</c>: the change feed after version V (v0: from the start), one event a
/// line, or as JSON lines; with no events, the versions the store has, so V can be chosen.
/// </summary>
internal static class ChangesCommand
{
    private const int Page = 5_000;

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var storeOption = StoreSelection.Option();
        var since = new Option<string>("--since") { Description = "The version after which to list changes: v3 (or 3); v0 lists every event.", Required = true };
        var command = new Command("changes", "Print what changed after a version: papers added and merged, fields changed, citations added and removed.")
        {
            db, storeOption, since, json,
        };
        command.SetAction(async (result, ct) =>
        {
            if (!StoreSelection.TryResolve(result, db, storeOption, out var location, out var error))
            {
                return await StoreSelection.FailAsync(error);
            }

            if (await CommonOptions.ReportProblemAsync(location!))
            {
                return 1;
            }

            var text = result.GetValue(since)!.Trim();
            var digits = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                await Console.Error.WriteLineAsync($"--since: '{text}' is not a version id (v1, v2, …; v0 for every event).");
                return 2;
            }

            await using var store = CommonOptions.OpenStore(location!);
            await store.InitializeAsync(ct);
            if (!store.KeepsVersions)
            {
                await Console.Error.WriteLineAsync("This store keeps no versions (the Neo4j store does not record them yet).");
                return 1;
            }

            if (version > 0 && await store.FindVersionAsync(version, ct) is null)
            {
                await Console.Error.WriteLineAsync($"--since: the store has no version v{version}; `citegraph changes --since v0` lists everything.");
                return 1;
            }

            return await PrintAsync(store, version, result.GetValue(json), ct);
        });
        return command;
    }

    private static async Task<int> PrintAsync(IGraphStore store, long since, bool json, CancellationToken ct)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        var after = ChangeCursor.Start;
        var counts = new Dictionary<ChangeKind, int>();
        while (true)
        {
            var page = await store.ReadChangesAsync(since, after, Page, ct);
            foreach (var e in page.Events)
            {
                counts[e.Kind] = counts.GetValueOrDefault(e.Kind) + 1;
                if (json)
                {
                    // One JSON object a line: the event's own fields, with its data object inline.
                    var data = e.Data is null ? (JsonElement?)null : JsonDocument.Parse(e.Data).RootElement.Clone();
                    Console.WriteLine(JsonSerializer.Serialize(
                        new { sequence = e.Sequence, version = "v" + e.Version.ToString(CultureInfo.InvariantCulture), kind = Kind(e.Kind), paper = e.PaperId, cited = e.OtherPaperId, data },
                        options));
                }
                else
                {
                    Console.WriteLine($"v{e.Version}\t{Kind(e.Kind)}\t{e.PaperId}{(e.OtherPaperId is null ? "" : " -> " + e.OtherPaperId)}\t{e.Data}");
                }
            }

            if (!page.HasNextPage || page.Events.Count == 0)
            {
                break;
            }

            after = page.Events[^1].Cursor;
        }

        if (!json)
        {
            var summary = VersionSummary.From(counts);
            await Console.Error.WriteLineAsync(
                $"since v{since}: {summary.PapersAdded:N0} papers added, {summary.PapersMerged:N0} merged, {summary.FieldsChanged:N0} fields changed, " +
                $"{summary.CitationsAdded:N0} citations added, {summary.CitationsRemoved:N0} removed");
        }

        return 0;
    }

    /// <summary>The feed's names for the kinds: PAPER_ADDED, … as in GraphQL.</summary>
    private static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.PaperAdded => "PAPER_ADDED",
        ChangeKind.PaperMerged => "PAPER_MERGED",
        ChangeKind.FieldChanged => "FIELD_CHANGED",
        ChangeKind.CitationAdded => "CITATION_ADDED",
        ChangeKind.CitationRemoved => "CITATION_REMOVED",
        _ => "COMMUNITY_EVENT",
    };
}
