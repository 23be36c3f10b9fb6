using System.CommandLine;
using System.Text.Json;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using Spectre.Console;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph load FILE… [--db PATH]</c>: reads paper files into the store and reports what happened.</summary>
internal static class LoadCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Paper files or folders of them (every file under a folder; *.md, README, LICENSE and hidden ones skipped): HF listings (.txt), HF API JSON, arXiv/OpenAlex/S2 JSON(L) (.gz too), edge lists (node ids, arXiv ids or DOIs), Cora .cites, OpenCitations CSV.", Arity = ArgumentArity.OneOrMore };
        // A mistyped option would otherwise be taken for a file name and only show up as an unreadable input.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(v => v.StartsWith('-') && !File.Exists(v)))
            {
                result.AddError($"Unknown option '{token}' (see 'citegraph load --help'; a file whose name starts with '-' can be given as ./{token}).");
            }

            foreach (var problem in result.Tokens.Select(t => LoadInputs.EmptyDirectoryProblem(t.Value)).OfType<string>())
            {
                result.AddError(problem);
            }
        });
        var db = CommonOptions.Database();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display; the final report and rejections only." };
        var json = CommonOptions.Json();
        var format = FormatOption(FormatRegistry.Default);
        var direction = new Option<EdgeDirection>("--edge-direction")
        {
            Description = "For edge lists: which column cites which (Auto: Cora's 'cited citing' for *.cites, 'citing cited' otherwise).",
            DefaultValueFactory = _ => EdgeDirection.Auto,
        };
        var idKind = new Option<EdgeIdKind>("--id-kind")
        {
            Description = "For edge lists: what the ids are. Arxiv or Doi: citations attach to the papers with those ids (stubs until they arrive); " +
                          "Plain: every node is a paper of its own; Auto: arXiv ids or DOIs when every id of a file's first edges is one, plain otherwise.",
            DefaultValueFactory = _ => EdgeIdKind.Auto,
        };
        var noEmbed = CommonOptions.NoEmbed();
        var noDerive = new Option<bool>("--no-derive") { Description = "Skip the topics, co-topic and inferred-lineage pass after the load (run 'citegraph derive' later)." };
        var explainMerges = new Option<bool>("--explain-merges")
        {
            Description = "Write every record that merged into a known paper, with the rule and key that matched, to <db>.merges.jsonl.",
        };
        var bulk = new Option<bool?>("--bulk")
        {
            Description = "Defer index maintenance to the end of the load (default: on when the files total 256 MiB or more).",
        };
        var storeOption = StoreSelection.Option();
        var command = new Command("load", "Load paper files into the store. Re-loading the same files changes nothing.")
        {
            files, db, storeOption, format, direction, idKind, quiet, json, noDerive, noEmbed, explainMerges, bulk,
        };
        command.SetAction(async (result, ct) => StoreSelection.TryResolve(result, db, storeOption, out var location, out var error)
            ? await RunAsync(
                result.GetRequiredValue(files),
                location!,
                new IngestOptions
                {
                    Format = result.GetValue(format),
                    EdgeDirection = result.GetValue(direction),
                    IdKind = result.GetValue(idKind),
                    Bulk = result.GetValue(bulk),
                },
                result.GetValue(noDerive) ? null : new DeriveOptions { Embed = !result.GetValue(noEmbed) },
                result.GetValue(explainMerges),
                result.GetValue(quiet),
                result.GetValue(json),
                ct)
            : await StoreSelection.FailAsync(error));
        return command;
    }

    /// <summary>
    /// <c>--format</c>, generated from the format registry: its help lists each format with its aliases, completion offers
    /// the names, and a name that is neither a format nor an alias is refused with the nearest one.
    /// </summary>
    private static Option<string?> FormatOption(FormatRegistry formats)
    {
        var option = new Option<string?>("--format")
        {
            Description = "Read every file as this format instead of detecting it: " +
                          string.Join(", ", formats.Formats.Select(f => f.Aliases.Count > 0 ? $"{f.Name} (or {string.Join(", ", f.Aliases)})" : f.Name)) + ".",
            HelpName = "format",
        };
        option.CompletionSources.Add([.. formats.Names]);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => formats.Find(t.Value) is null))
            {
                result.AddError(formats.UnknownFormat(token.Value));
            }
        });
        return option;
    }

    private static async Task<int> RunAsync(
        string[] paths, Graph.Storage.StoreLocation location, IngestOptions options, DeriveOptions? derive, bool explainMerges, bool quiet,
        bool json, CancellationToken cancellationToken)
    {
        var inputs = LoadInputs.Expand(paths).Select(InputFile.FromPath).ToList();
        // Rejections go beside a store file, or to the working directory for a server store.
        var database = location.Name;
        await using var store = CommonOptions.OpenStore(location);
        options.RejectsPath = database + ".rejects.jsonl";
        options.MergesPath = explainMerges ? database + ".merges.jsonl" : null;
        var ingestor = new Ingestor(store, options);
        LoadReport report;
        if (quiet || json || Console.IsOutputRedirected)
        {
            report = await ingestor.LoadAsync(inputs, cancellationToken: cancellationToken);
            if (derive is not null)
            {
                report = await DeriveStage.AfterLoadAsync(store, report, derive, cancellationToken: cancellationToken);
            }
        }
        else
        {
            var totalBytes = InputFile.TotalLength(inputs);
            report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    // The bar follows bytes read when the sizes are known (so the remaining time is an estimate), else files.
                    var task = ctx.AddTask("loading", maxValue: Math.Max(1, totalBytes ?? inputs.Count));
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var done = new HashSet<string>();
                    var progress = new Progress<IngestProgress>(p =>
                    {
                        var rate = p.Read / Math.Max(0.001, clock.Elapsed.TotalSeconds);
                        task.Description = $"{Markup.Escape(Path.GetFileName(p.Source))}: {p.Read:N0} read ({rate:N0}/s), {p.Rejected:N0} rejected";
                        if (totalBytes is not null && p.BytesTotal is not null && !p.Source.StartsWith("derive", StringComparison.Ordinal))
                        {
                            task.Value = Math.Min(task.MaxValue, p.BytesRead);
                        }
                        else if (totalBytes is null && done.Add(p.Source) && done.Count > 1)
                        {
                            task.Increment(1);
                        }
                    });
                    var result = await ingestor.LoadAsync(inputs, progress, cancellationToken);
                    if (derive is not null)
                    {
                        // The derive stage, over the whole store, once the files are in: its progress goes on in the same bar.
                        result = await DeriveStage.AfterLoadAsync(store, result, derive, progress, cancellationToken);
                    }

                    task.Value = task.MaxValue;
                    return result;
                });
        }

        foreach (var rejection in report.Rejections)
        {
            await Console.Error.WriteLineAsync(rejection.ToString());
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
        }
        else
        {
            PrintReport(report, database, explainMerges && report.Merged > 0);
        }

        // Non-zero only when nothing at all could be loaded: partial success is still success.
        return report.Loaded > 0 ? 0 : 1;
    }

    private static void PrintReport(LoadReport report, string database, bool explained)
    {
        var table = new Table().AddColumns("file", "format", "read", "loaded", "rejected");
        foreach (var f in report.Files)
        {
            table.AddRow(Markup.Escape(f.Source), f.Format ?? "[red]unreadable[/]", $"{f.Read:N0}", $"{f.Loaded:N0}", $"{f.Rejected:N0}");
        }

        AnsiConsole.Write(table);
        foreach (var f in report.Files.Where(f => f.Note is not null))
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(f.Source)}: {Markup.Escape(f.Note!)}");
        }

        AnsiConsole.MarkupLine(
            $"read {report.Read:N0} · loaded {report.Loaded:N0} · new {report.New:N0} · merged {report.Merged:N0}" +
            (report.MergedBy.Count > 0 ? $" ({string.Join(", ", report.MergedBy.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value:N0} by {p.Key}"))})" : "") +
            $" · rejected {report.Rejected:N0} in {report.Elapsed.TotalSeconds:F1}s" +
            (report.Indexing is { } indexing ? $" (of which {indexing.TotalSeconds:F1}s building the deferred indexes)" : "") +
            (report.Elapsed.TotalSeconds > 0 ? $" ({report.Read / report.Elapsed.TotalSeconds:N0} records/s)" : ""));
        AnsiConsole.MarkupLine(
            $"{Markup.Escape(database)} now holds {report.PapersInStore:N0} papers and {report.ReposInStore:N0} repos" +
            (report.CitationsAdded != 0 ? $"; {report.CitationsAdded:N0} explicit citations added" : "") +
            (report.Rejected > 0 ? $"; rejections were appended to {Markup.Escape(database)}.rejects.jsonl" : "") +
            (explained ? $"; merges were appended to {Markup.Escape(database)}.merges.jsonl" : ""));
        if (report.Derived is { } d)
        {
            AnsiConsole.MarkupLine(
                $"derived {d.Topics:N0} topics, {d.CoTopic:N0} CO_TOPIC, {d.CoOccurs:N0} CO_OCCURS, {d.InferredCitations:N0} inferred CITES, " +
                $"{Markup.Escape(CommonOptions.EmbeddingSummary(d))} in {d.Elapsed.TotalSeconds:F1}s" +
                (d.Reason is { } why ? $" ({(d.Mode == DeriveMode.Incremental ? "incremental" : "full pass")}: {Markup.Escape(why)})" : ""));
        }
    }
}
