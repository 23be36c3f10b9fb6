using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph stats [--db PATH]</c>: node and relationship counts.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var storeOption = StoreSelection.Option();
        var command = new Command("stats", "Print node and relationship counts of the store.") { db, storeOption, json };
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

            await using var store = CommonOptions.OpenStore(location!);
            await store.InitializeAsync(ct);
            var stats = await store.GetStatsAsync(ct);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(stats, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return 0;
            }

            var table = new Table().AddColumns("what", "count");
            table.AddRow("papers", $"{stats.Papers:N0}");
            table.AddRow("repos", $"{stats.Repos:N0}");
            table.AddRow("topics", $"{stats.Topics:N0}");
            table.AddRow("co-topic edges", $"{stats.CoTopicEdges:N0}");
            table.AddRow("authors", $"{stats.Authors:N0}");
            table.AddRow("citations", $"{stats.Citations:N0} ({stats.InferredCitations:N0} inferred)");
            table.AddRow("links", $"{stats.Links:N0}");
            table.AddRow("source records", $"{stats.Sources:N0}");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
