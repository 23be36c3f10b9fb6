using System.CommandLine;
using System.Text.Json;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Snapshot;
using CiteGraph.GraphQL.Semantic;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary>
/// <c>citegraph search TEXT [--mode keyword|semantic|hybrid] [--first N] [--db PATH] [--json]</c>: the GraphQL
/// <c>search</c> field's code path (<see cref="PaperSearch"/>) from the command line.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "What to look for: words (keyword), a description (semantic), or both." };
        var mode = new Option<SearchMode>("--mode")
        {
            Description = "keyword (every word must match), semantic (nearest sentence embeddings) or hybrid (both, fused by reciprocal rank).",
            DefaultValueFactory = _ => SearchMode.Hybrid,
        };
        var first = new Option<int>("--first") { Description = "How many papers.", DefaultValueFactory = _ => 10 };
        var db = CommonOptions.Database();
        var storeOption = StoreSelection.Option();
        var json = CommonOptions.Json();
        var command = new Command("search", "Search papers by words, by meaning or both (as GraphQL search).") { text, mode, first, db, storeOption, json };
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

            var count = result.GetValue(first);
            if (count is < 1 or > 500)
            {
                await Console.Error.WriteLineAsync($"--first must be between 1 and 500, got {count}.");
                return 1;
            }

            await using var store = CommonOptions.OpenStore(location!);
            await store.InitializeAsync(ct);
            using var embedder = LazyTextEmbedder.MiniLm();
            var search = new PaperSearch(store, new SemanticIndexHolder(store, new SnapshotHolder(store), embedder), embedder);
            IReadOnlyList<Graph.Storage.SearchHit> hits;
            try
            {
                hits = await search.SearchAsync(result.GetRequiredValue(text), count, result.GetValue(mode), ct);
            }
            catch (SemanticUnavailableException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    hits.Select(h => new { h.Paper.Id, h.Paper.Title, h.Paper.Year, h.Score, h.Snippet }),
                    new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return 0;
            }

            var table = new Table().AddColumns("score", "year", "paper", "id");
            foreach (var hit in hits)
            {
                table.AddRow($"{hit.Score:0.000}", hit.Paper.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Markup.Escape(hit.Paper.Title), hit.Paper.Id);
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
