using System.CommandLine;
using System.Diagnostics;
using CiteGraph.Loaders.Generation;

namespace CiteGraph.Host.Cli;

/// <summary>
/// <c>citegraph generate --papers N --refs K [--born-year X] [--merge-year Y] [--coined-terms] --out FILE.jsonl</c>: a deterministic synthetic
/// corpus (OpenAlex JSON lines), optionally with fields planted for the community timeline.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var papers = new Option<int>("--papers") { Description = "Number of papers.", DefaultValueFactory = _ => 10_000 };
        var refs = new Option<int>("--refs") { Description = "References per paper (preferential attachment).", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "Seed; equal options give byte-identical files.", DefaultValueFactory = _ => 1 };
        var born = new Option<int?>("--born-year") { Description = "Plant a field born in this year (1996-2024): new papers with words of their own citing only each other." };
        var merge = new Option<int?>("--merge-year") { Description = "Plant two fields that merge in this year (1996-2024): from then on one field citing both." };
        var coined = new Option<bool>("--coined-terms") { Description = "Give every paper two coined method names from a vocabulary that grows with the corpus (a long tail of rare key phrases, as real papers have), so co-topic has work at any size." };
        var output = new Option<string>("--out") { Description = "The JSON lines file to write.", Required = true, HelpName = "FILE" };
        var command = new Command("generate", "Write a deterministic synthetic corpus: titles, abstracts with acronyms and repository URLs, dates, citations.")
        {
            papers, refs, seed, born, merge, coined, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new GeneratorOptions
            {
                Papers = result.GetValue(papers),
                RefsPerPaper = result.GetValue(refs),
                Seed = result.GetValue(seed),
                BornYear = result.GetValue(born),
                MergeYear = result.GetValue(merge),
                CoinedTerms = result.GetValue(coined),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var path = result.GetRequiredValue(output);
            var clock = Stopwatch.StartNew();
            var citations = await SyntheticCorpus.WriteAsync(path, options, ct);
            Console.WriteLine($"wrote {options.Papers:N0} papers and {citations:N0} citations to {path} in {clock.Elapsed.TotalSeconds:F1}s");
            return 0;
        });
        return command;
    }
}
