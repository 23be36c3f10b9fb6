using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CiteGraph.Loaders.Lineage;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph eval-lineage --truth FILE [--threshold C]</c>: precision and recall of inferred CITES against known references.</summary>
internal static class EvalLineageCommand
{
    /// <summary>
    /// The default confidence threshold: the one bench/RESULTS.md measures precision at. Confidence is a conservative
    /// estimate of precision (the lower bound of the share of such citations that were real on the training papers),
    /// and the default (0.573) is the lowest level whose citations were at least 83% real there, out of fold, with
    /// recall to spare (<see cref="LineageCalibration.DefaultThreshold"/>).
    /// </summary>
    public static readonly double DefaultThreshold = LineageCalibration.DefaultThreshold;

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var truth = CommonOptions.Truth();
        var threshold = new Option<double>("--threshold", "-t")
        {
            Description = "Count inferred citations at least this confident.",
            DefaultValueFactory = _ => DefaultThreshold,
        };
        var citingFrom = new Option<int?>("--citing-from")
        {
            Description = "Judge only citing papers from this year on: the held-out split (calibration was fitted on earlier citing papers).",
            HelpName = "YEAR",
        };
        var citingTo = new Option<int?>("--citing-to") { Description = "Judge only citing papers up to this year.", HelpName = "YEAR" };
        var command = new Command("eval-lineage", "Measure precision and recall of the inferred citations against a truth file of known references.")
        {
            db, truth, threshold, citingFrom, citingTo, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(db);
            var truthPath = result.GetRequiredValue(truth);
            var t = result.GetValue(threshold);
            if (await CommonOptions.ReportProblemAsync(path))
            {
                return 1;
            }

            if (!File.Exists(truthPath))
            {
                await Console.Error.WriteLineAsync($"{truthPath}: no such truth file.");
                return 1;
            }

            if (t is < 0 or > 1 || double.IsNaN(t))
            {
                await Console.Error.WriteLineAsync($"--threshold: must be between 0 and 1, got {t.ToString(CultureInfo.InvariantCulture)}.");
                return 2;
            }

            await using var store = CommonOptions.OpenStore(path);
            await store.InitializeAsync(ct);
            var evaluation = await LineageEvaluation.EvaluateAsync(store, truthPath, t, result.GetValue(citingFrom), result.GetValue(citingTo), ct);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    evaluation.Threshold,
                    evaluation.TruthPairs,
                    evaluation.ResolvedPairs,
                    evaluation.CitingPapers,
                    evaluation.Predicted,
                    evaluation.Correct,
                    Precision = double.IsNaN(evaluation.Precision) ? (double?)null : evaluation.Precision,
                    Recall = double.IsNaN(evaluation.Recall) ? (double?)null : evaluation.Recall,
                    evaluation.CitingFrom,
                    evaluation.CitingTo,
                    ByRule = evaluation.ByRule.ToDictionary(r => r.Key, r => new { r.Value.Predicted, r.Value.Correct }),
                    Calibration = evaluation.Calibration.Select(b => new { b.From, b.To, b.Predicted, b.Correct }),
                }, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return 0;
            }

            Console.WriteLine(evaluation.ToString());
            if (evaluation.ByRule.Count > 0)
            {
                var table = new Table().AddColumns("rule", "inferred", "correct", "precision");
                foreach (var (rule, (p, c)) in evaluation.ByRule.OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    table.AddRow(Markup.Escape(rule), $"{p:N0}", $"{c:N0}", ((double)c / p).ToString("0.00", CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
            }

            if (evaluation.Calibration.Count > 0)
            {
                // Calibration: a confidence c should be right about a share c of the time, at any threshold.
                var bins = new Table().AddColumns("confidence", "inferred", "correct", "precision");
                foreach (var b in evaluation.Calibration)
                {
                    bins.AddRow(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"[{b.From:0.0}, {b.To:0.0})")), $"{b.Predicted:N0}", $"{b.Correct:N0}",
                        b.Precision.ToString("0.00", CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(bins);
            }

            return 0;
        });
        return command;
    }
}
