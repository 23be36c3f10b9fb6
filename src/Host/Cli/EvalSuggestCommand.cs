using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Suggest;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary>
/// <c>citegraph eval-suggest --truth FILE [--k 10] [--citing-years Y1-Y2] [--features …] [--each-feature] [--fit-years Y1-Y2 [--fit-graph-before YEAR]] [--json]</c>:
/// recall@k, MRR and hit share of suggested references against known reference lists, each paper held out.
/// </summary>
internal static class EvalSuggestCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var truth = CommonOptions.Truth();
        var k = new Option<int>("--k") { Description = "Suggestions asked per citing paper.", DefaultValueFactory = _ => 10 };
        var years = new Option<string?>("--citing-years") { Description = "Evaluate only citing papers of these years (2020-2022, or 2021); all by default.", HelpName = "Y1-Y2" };
        var features = new Option<string?>("--features")
        {
            Description = $"Score with these features only, each weighted 1 ({string.Join(", ", Enum.GetValues<SuggestionFeature>().Select(FeatureNames.Of))}); the fitted weights by default.",
            HelpName = "F1,F2",
        };
        var each = new Option<bool>("--each-feature") { Description = "Also evaluate each feature alone, in the same run." };
        var fit = new Option<string?>("--fit-years")
        {
            Description = "Fit the weights on the citing papers of these years (never on the evaluated ones), print them, and evaluate with them.",
            HelpName = "Y1-Y2",
        };
        var fitGraph = new Option<int?>("--fit-graph-before")
        {
            Description = "With --fit-years: the training papers see only citations made before this year, as the evaluated papers see a graph that stops before them.",
            HelpName = "YEAR",
        };
        var fitFeatures = new Option<string[]>("--fit-features")
        {
            Description = "With --fit-years: the features the fit may weigh, comma-separated; 'all' is every feature and '-name' leaves one out ('all,-term-association'). " +
                "Repeat the option to compare several sets with --cv-folds.",
            HelpName = "F1,F2",
        };
        var cvFolds = new Option<int?>("--cv-folds")
        {
            Description = "With --fit-years: cross-validate by paper on the training papers instead (fit on all folds but one, measure on it) for each --fit-features set, print the held-out recall@k and MRR, and stop.",
            HelpName = "N",
        };
        var fitMethod = new Option<string>("--fit-method")
        {
            Description = "With --fit-years: coordinate (coordinate search on recall@k), fine (the same on a grid twice as fine, more passes), pairwise (pairwise logistic fit) or pairwise-search (coordinate search also started from the pairwise fit).",
            DefaultValueFactory = _ => "coordinate",
            HelpName = "METHOD",
        };
        var command = new Command("eval-suggest", "Measure suggested references against a truth file of known references: recall@k, MRR and the share of papers with a hit.")
        {
            db, truth, k, years, features, each, fit, fitGraph, fitFeatures, cvFolds, fitMethod, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(db);
            var truthPath = result.GetRequiredValue(truth);
            if (await CommonOptions.ReportProblemAsync(path))
            {
                return 1;
            }

            if (!File.Exists(truthPath))
            {
                await Console.Error.WriteLineAsync($"{truthPath}: no such truth file.");
                return 1;
            }

            var kValue = result.GetValue(k);
            if (kValue is < 1 or > 1000)
            {
                await Console.Error.WriteLineAsync($"--k: must be between 1 and 1000, got {kValue}.");
                return 2;
            }

            YearRange? citingYears, fitYears;
            SuggestionWeights? chosen;
            IReadOnlyList<IReadOnlySet<SuggestionFeature>?> fitSets;
            SuggestionFitMethod fitBy;
            try
            {
                fitBy = result.GetValue(fitMethod) switch
                {
                    "coordinate" => SuggestionFitMethod.CoordinateSearch,
                    "fine" => SuggestionFitMethod.FineCoordinateSearch,
                    "pairwise" => SuggestionFitMethod.Pairwise,
                    "pairwise-search" => SuggestionFitMethod.PairwiseThenSearch,
                    var other => throw new FormatException($"--fit-method: unknown method '{other}'; known: coordinate, fine, pairwise, pairwise-search."),
                };
                citingYears = result.GetValue(years) is { } y ? YearRange.Parse(y) : null;
                fitYears = result.GetValue(fit) is { } f ? YearRange.Parse(f) : null;
                chosen = result.GetValue(features) is { } names
                    ? SuggestionWeights.From(names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToDictionary(FeatureNames.Parse, _ => 1.0))
                    : null;
                fitSets = result.GetValue(fitFeatures) is { Length: > 0 } sets ? sets.Select(IReadOnlySet<SuggestionFeature>? (set) => FeatureNames.ParseSet(set)).ToList() : [null];
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            if ((result.GetValue(fitGraph) is not null || result.GetValue(cvFolds) is not null || result.GetValue(fitFeatures) is { Length: > 0 }) && fitYears is null)
            {
                await Console.Error.WriteLineAsync("--fit-graph-before, --fit-features and --cv-folds need --fit-years.");
                return 2;
            }

            if (result.GetValue(cvFolds) is < 2)
            {
                await Console.Error.WriteLineAsync("--cv-folds: at least 2.");
                return 2;
            }

            if (fitYears is { } fy && citingYears is { } cy && fy.From <= cy.To && cy.From <= fy.To)
            {
                await Console.Error.WriteLineAsync($"--fit-years {fy} overlaps --citing-years {cy}: weights must not be fitted on the papers they are evaluated on.");
                return 2;
            }

            await using var store = CommonOptions.OpenStore(path);
            await store.InitializeAsync(ct);
            var snapshot = await new SnapshotHolder(store).RebuildAsync(ct);
            var corpus = await SuggestionCorpus.BuildAsync(store, snapshot, cancellationToken: ct);
            var known = await SuggestionTruth.ReadAsync(store, snapshot, truthPath, ct);

            var runs = new List<(string Method, SuggestionEvaluation Evaluation)>();
            var weights = chosen ?? SuggestionWeights.Fitted;
            string? fitted = null;
            if (fitYears is { } cvOn && result.GetValue(cvFolds) is { } folds)
            {
                var graphBefore = result.GetValue(fitGraph);
                var validated = SuggestionWeightFit.CrossValidate(corpus, known, cvOn, kValue, folds, fitSets, graphBefore, method: fitBy);
                var names = result.GetValue(fitFeatures) is { Length: > 0 } given ? given : ["all"];
                for (var i = 0; i < validated.Count; i++)
                {
                    var (recall, mrr, perFold) = validated[i];
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{names[i]}: {folds}-fold cross-validated on {cvOn}{(graphBefore is { } gb ? $" with the graph before {gb}" : "")}: recall@{kValue} {recall:0.0000}, MRR {mrr:0.0000}; weights per fold: {string.Join(" | ", perFold)}"));
                }

                return 0;
            }

            if (fitYears is { } trainOn)
            {
                var graphBefore = result.GetValue(fitGraph);
                var (w, recall, mrr) = SuggestionWeightFit.Fit(corpus, known, trainOn, kValue, graphBefore: graphBefore, features: fitSets[0], method: fitBy);
                weights = w;
                var frozen = graphBefore is { } gb ? string.Create(CultureInfo.InvariantCulture, $" with the graph before {gb}") : "";
                fitted = string.Create(CultureInfo.InvariantCulture, $"fitted on {trainOn}{frozen}: {w} (training recall@{kValue} {recall:0.000}, MRR {mrr:0.000})");
            }

            if (result.GetValue(each))
            {
                foreach (var feature in Enum.GetValues<SuggestionFeature>())
                {
                    runs.Add((FeatureNames.Of(feature), SuggestionEvaluation.Evaluate(corpus, known, kValue, SuggestionWeights.Only(feature), citingYears)));
                }
            }

            runs.Add((fitYears is not null ? "fitted" : chosen is not null ? "chosen" : "default", SuggestionEvaluation.Evaluate(corpus, known, kValue, weights, citingYears)));

            var inGraph = SuggestionEvaluation.KnownInGraph(corpus, known, citingYears);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    TruthLines = known.Lines,
                    ResolvedPairs = known.Pairs,
                    CitingYears = citingYears?.ToString(),
                    KnownInGraph = inGraph,
                    Fit = fitted,
                    Runs = runs.Select(r => new
                    {
                        r.Method,
                        Weights = Enum.GetValues<SuggestionFeature>().Where(f => r.Evaluation.Weights[f] > 0).ToDictionary(FeatureNames.Of, f => r.Evaluation.Weights[f]),
                        r.Evaluation.K,
                        r.Evaluation.CitingPapers,
                        r.Evaluation.Relevant,
                        r.Evaluation.Unreachable,
                        r.Evaluation.Hits,
                        RecallAtK = Nullable(r.Evaluation.RecallAtK),
                        Mrr = Nullable(r.Evaluation.Mrr),
                        HitShare = Nullable(r.Evaluation.HitShare),
                        MicroRecall = Nullable(r.Evaluation.MicroRecall),
                    }),
                }, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return 0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{known.Lines} truth lines, {known.Pairs} pairs of known papers; citing papers {(citingYears is { } c ? "of " + c : "of every year")}, each held out (its references and every later citation hidden)."));
            Console.WriteLine(inGraph > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Held out by paper: the graph holds {inGraph:N0} of their known references as citations, each hidden while its citing paper is evaluated.")
                : "Held out by year: the graph holds none of their known references as citations (only older papers' were loaded, or none).");
            if (fitted is not null)
            {
                Console.WriteLine(fitted);
            }

            var table = new Table().AddColumns("method", "papers", $"recall@{kValue}", $"MRR@{kValue}", "with a hit", "found / known");
            foreach (var (method, e) in runs)
            {
                table.AddRow(Markup.Escape(method), $"{e.CitingPapers:N0}", F(e.RecallAtK), F(e.Mrr), F(e.HitShare), $"{e.Hits:N0} / {e.Relevant:N0}");
            }

            AnsiConsole.Write(table);
            Console.WriteLine(runs[^1].Evaluation.ToString());
            return 0;
        });
        return command;
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
