using System.CommandLine;
using System.Text.Json;
using CiteGraph.Graph.Storage;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph topics [--db PATH] [--first N] [--by df|name]</c>: the top topics with their aliases.</summary>
internal static class TopicsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var first = new Option<int>("--first", "-n") { Description = "How many topics to print.", DefaultValueFactory = _ => 20 };
        var by = new Option<string>("--by") { Description = "Order: df (most papers first) or name.", DefaultValueFactory = _ => "df" };
        by.AcceptOnlyFromAmong("df", "name");
        var command = new Command("topics", "Print the top topics of the store with their aliases (acronym ↔ expansion, spelling variants).") { db, first, by, json };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(db);
            if (await CommonOptions.ReportProblemAsync(path))
            {
                return 1;
            }

            var n = result.GetValue(first);
            if (n is < 1 or > 100_000)
            {
                await Console.Error.WriteLineAsync($"--first: must be between 1 and 100000, got {n}.");
                return 2;
            }

            await using var store = CommonOptions.OpenStore(path);
            await store.InitializeAsync(ct);
            var page = await store.GetTopicsAsync(n, 0, result.GetValue(by) == "name" ? TopicOrder.Name : TopicOrder.Df, ct);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    page.Items.Select(t => new { t.Id, t.Name, t.Aliases, t.Df, t.Idf }),
                    new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return 0;
            }

            if (page.TotalCount == 0)
            {
                Console.WriteLine("No topics yet: they are derived after 'citegraph load' (or run 'citegraph derive').");
                return 0;
            }

            var table = new Table().AddColumns("#", "topic", "papers", "aliases");
            var rank = 0;
            foreach (var topic in page.Items)
            {
                table.AddRow($"{++rank}", Markup.Escape(topic.Name), $"{topic.Df:N0}", Markup.Escape(string.Join(", ", topic.Aliases)));
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{page.Items.Count:N0} of {page.TotalCount:N0} topics.");
            return 0;
        });
        return command;
    }
}
