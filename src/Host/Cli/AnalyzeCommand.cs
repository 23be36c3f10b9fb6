using System.CommandLine;
using System.Text.Json;
using CiteGraph.Graph.Analytics;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph analyze [--algorithms …] [--graph citations]</c>: centrality and communities, written back to the store.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var algorithms = new Option<string[]>("--algorithms", "-a")
        {
            Description = "Comma-separated: pagerank, betweenness, louvain, leiden, wcc, scc, kcore (default pagerank,leiden,wcc,kcore).",
            AllowMultipleArgumentsPerToken = true,
        };
        var graph = new Option<string>("--graph")
        {
            Description = "Which graph to analyze: auto (centrality on citations; communities on citations when they reach 90% of papers, " +
                "else on the hybrid), citations (directed), cotopic (top co-topic neighbours), semantic (nearest papers by embedding) or " +
                "hybrid (citations + co-topic + semantic, each layer scaled to mean weight 1). An explicit graph runs every algorithm on it.",
            DefaultValueFactory = _ => "auto",
        };
        graph.AcceptOnlyFromAmong("auto", "citations", "cotopic", "semantic", "hybrid");
        var samples = new Option<int?>("--betweenness-samples") { Description = "Sample this many sources for betweenness instead of all (faster on large graphs)." };
        var resolution = new Option<double>("--resolution") { Description = "Modularity resolution γ for Louvain/Leiden.", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Seed of randomized choices.", DefaultValueFactory = _ => 42 };
        var (inDatabase, inProcess) = AnalyzePlacementOptions.Create();
        var command = new Command("analyze", "Compute PageRank, betweenness, communities, components and cores, and write them to the store.")
        {
            db, algorithms, graph, samples, resolution, seed, json, inDatabase, inProcess,
        };
        var storeOption = StoreSelection.Option();
        command.Options.Add(storeOption);
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

            if (!TryParseAlgorithms(result.GetValue(algorithms), out var selected, out var unknown))
            {
                await Console.Error.WriteLineAsync($"--algorithms: unknown '{unknown}'; choose from {string.Join(", ", Enum.GetNames<AnalyticsAlgorithm>().Select(n => n.ToLowerInvariant()))}.");
                return 2;
            }

            var request = new AnalyticsRequest
            {
                Algorithms = selected,
                Graph = Enum.Parse<AnalyticsGraph>(result.GetRequiredValue(graph), ignoreCase: true),
                BetweennessSamples = result.GetValue(samples),
                Resolution = result.GetValue(resolution),
                Seed = result.GetValue(seed),
            };
            if (!AnalyzePlacementOptions.TryGetChoice(result, inDatabase, inProcess, out var choice))
            {
                await Console.Error.WriteLineAsync("--in-database and --in-process exclude each other.");
                return 2;
            }

            await using var store = CommonOptions.OpenStore(location!);
            await store.InitializeAsync(ct);
            // Where the kernels run (inside Neo4j with GDS, or here), said before they start.
            var placement = await AnalyticsPlacement.ChooseAsync(store, request, choice, ct);
            if (placement.Error is not null)
            {
                await Console.Error.WriteLineAsync(placement.Error);
                return 2;
            }

            await Console.Error.WriteLineAsync("analytics run " + placement.Reason);
            Func<IProgress<string>?, Task<AnalyticsReport>> run = placement.InDatabase
                ? progress => AnalyticsPlacement.Of(store)!.RunInDatabaseAsync(request, progress, ct)
                : progress => new AnalyticsRunner(store).RunAsync(request, progress, ct);
            AnalyticsReport report;
            if (result.GetValue(json) || Console.IsOutputRedirected)
            {
                // No spinner to update: a log still hears each step as it starts (a 10M-paper run takes half an hour).
                report = await run(Console.IsErrorRedirected ? new StageLines(Console.Error) : null);
            }
            else
            {
                report = await AnsiConsole.Status().StartAsync("analyzing", async ctx =>
                    await run(new Progress<string>(step => ctx.Status($"analyzing: {step}"))));
            }

            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return 0;
            }

            var table = new Table().AddColumns("step", "time", "outcome");
            foreach (var step in report.Steps)
            {
                table.AddRow(step.Algorithm, $"{step.Elapsed.TotalSeconds:F2}s", Markup.Escape(step.Outcome));
            }

            AnsiConsole.Write(table);
            if (report.Graph is { } graphChoice)
            {
                AnsiConsole.MarkupLine($"communities on [bold]{Markup.Escape(graphChoice.Name)}[/]: {Markup.Escape(graphChoice.Reason)}");
                foreach (var level in report.Levels)
                {
                    AnsiConsole.MarkupLine(Markup.Escape(level.ToString()));
                }
            }

            AnsiConsole.MarkupLine($"{report.Nodes:N0} papers, {report.Edges:N0} edges analyzed in {report.Elapsed.TotalSeconds:F1}s; results written to {Markup.Escape(location!.ToString())}");
            return 0;
        });
        return command;
    }

    internal static bool TryParseAlgorithms(string[]? values, out IReadOnlySet<AnalyticsAlgorithm> algorithms, out string? unknown)
    {
        unknown = null;
        algorithms = AnalyticsRequest.DefaultAlgorithms;
        var names = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            return true;
        }

        var set = new HashSet<AnalyticsAlgorithm>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<AnalyticsAlgorithm>(name, ignoreCase: true, out var algorithm) || int.TryParse(name, out _))
            {
                unknown = name;
                return false;
            }

            set.Add(algorithm);
        }

        algorithms = set;
        return true;
    }
}
