using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Suggest;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph suggest PAPER_ID [--first N] [--json]</c>: the earlier papers a paper most likely builds on, with reasons.</summary>
internal static class SuggestCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var paperId = new Argument<string>("PAPER_ID") { Description = "CiteGraph id or external id (arXiv id, DOI, OpenAlex or S2 id)." };
        var first = new Option<int>("--first", "-n") { Description = "How many suggestions.", DefaultValueFactory = _ => 10 };
        var command = new Command("suggest", "Suggest the references a paper most likely builds on: earlier papers, scored and explained (the API's suggestedReferences).")
        {
            paperId, db, first, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(db);
            if (await CommonOptions.ReportProblemAsync(path))
            {
                return 1;
            }

            var n = result.GetValue(first);
            if (n is < 1 or > 100)
            {
                await Console.Error.WriteLineAsync($"--first: must be between 1 and 100, got {n}.");
                return 2;
            }

            await using var store = CommonOptions.OpenStore(path);
            await store.InitializeAsync(ct);
            var id = result.GetRequiredValue(paperId);
            var paper = await store.FindPaperAsync(id, ct);
            var snapshots = new SnapshotHolder(store);
            var snapshot = await snapshots.RebuildAsync(ct);
            if (paper is null || !snapshot.TryGetIndex(paper.Id, out var index))
            {
                await Console.Error.WriteLineAsync($"{id}: no such paper.");
                return 1;
            }

            var service = new SuggestionService(store, snapshots);
            var corpus = await service.CorpusAsync(ct);
            var suggestions = service.Suggest(corpus, index, n);
            var papers = await store.GetPapersAsync(suggestions.Select(s => snapshot.PaperId(s.Paper)).ToList(), ct);
            var rows = suggestions.Where(s => papers.ContainsKey(snapshot.PaperId(s.Paper))).Select(s => (Paper: papers[snapshot.PaperId(s.Paper)], s.Score, s.Reasons)).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    rows.Select(r => new { r.Paper.Id, r.Paper.Title, r.Paper.Year, r.Score, Reasons = r.Reasons.Select(x => new { Kind = x.Kind.ToString(), x.Value, x.Detail }) }),
                    new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return 0;
            }

            Console.WriteLine($"Suggested references of {paper.Id}: {paper.Title}");
            var table = new Table().AddColumns("score", "paper", "year", "why");
            foreach (var (p, score, reasons) in rows)
            {
                table.AddRow(score.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape($"{p.Title} ({p.Id})"), p.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(string.Join("; ", reasons.Select(r => r.Detail))));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
