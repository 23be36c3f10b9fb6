using System.CommandLine;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph derive [--db PATH]</c>: re-runs the topics, co-topic and inferred-lineage pass (load runs it too).</summary>
internal static class DeriveCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var k = new Option<int>("--co-topic-k") { Description = "CO_TOPIC neighbours kept per paper.", DefaultValueFactory = _ => 10 };
        var signals = new Option<string?>("--lineage-signals")
        {
            Description = "Also write every proposed inferred citation with the signals of its confidence (TSV, before any threshold): for error analysis and refitting the calibration.",
            HelpName = "FILE",
        };
        var noEmbed = CommonOptions.NoEmbed();
        var command = new Command(
            "derive",
            "Extract topics, build CO_TOPIC and CO_OCCURS, infer citations from text and embed new or changed papers, over the whole store. Idempotent.")
        {
            db, k, signals, noEmbed,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(db);
            if (await CommonOptions.ReportProblemAsync(path))
            {
                return 1;
            }

            await using var store = CommonOptions.OpenStore(path);
            await store.InitializeAsync(ct);
            var options = new DeriveOptions
            {
                Topics = new() { CoTopicK = Math.Max(1, result.GetValue(k)) },
                LineageSignalsPath = result.GetValue(signals),
                Embed = !result.GetValue(noEmbed),
            };
            // A terminal gets one line rewritten in place; a log, a line per stage.
            IProgress<DeriveProgress> progress = Console.IsErrorRedirected
                ? new StageLines(Console.Error)
                : new Progress<DeriveProgress>(p => Console.Error.Write($"\r{p}        "));
            var report = await DeriveStage.RunAsync(store, options, progress, ct);
            if (!Console.IsErrorRedirected)
            {
                await Console.Error.WriteLineAsync();
            }

            Console.WriteLine(
                $"{report.Papers:N0} papers: {report.Topics:N0} topics, {report.HasTopic:N0} HAS_TOPIC, {report.CoTopic:N0} CO_TOPIC, " +
                $"{report.CoOccurs:N0} CO_OCCURS, {report.InferredCitations:N0} inferred CITES, {CommonOptions.EmbeddingSummary(report)} " +
                $"in {report.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }
}
