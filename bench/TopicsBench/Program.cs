// Topic extraction + co-topic benchmark on generated papers:
//   dotnet run -c Release --project bench/TopicsBench -- [papers=100000]
// Prints throughput of each stage and the peak working set, as a Markdown table row for bench/RESULTS.md.
using System.Diagnostics;
using System.Globalization;
using CiteGraph.Bench.TopicsBench;
using CiteGraph.Loaders.Topics;

var papers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var generator = new PaperGenerator();
var corpus = new TopicCorpus();
const int Batch = 4096;
var texts = new (string Title, string Abstract, string[] Keywords)[Batch];
var extractions = new PaperExtraction[Batch];
var generate = new Stopwatch();
var extract = new Stopwatch();
var add = new Stopwatch();
var total = Stopwatch.StartNew();
for (var start = 0; start < papers; start += Batch)
{
    var count = Math.Min(Batch, papers - start);
    generate.Start();
    for (var i = 0; i < count; i++)
    {
        texts[i] = generator.Paper(start + i);
    }

    generate.Stop();
    extract.Start();
    Parallel.For(0, count, i => extractions[i] = TopicExtractor.Extract(texts[i].Title, texts[i].Abstract, texts[i].Keywords));
    extract.Stop();
    add.Start();
    for (var i = 0; i < count; i++)
    {
        corpus.Add("P" + (start + i).ToString(CultureInfo.InvariantCulture), extractions[i]);
    }

    add.Stop();
}

var build = Stopwatch.StartNew();
var graph = corpus.Build();
build.Stop();
total.Stop();
var work = total.Elapsed - generate.Elapsed;
var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {papers:N0} | {extract.Elapsed.TotalSeconds:F1} s | {add.Elapsed.TotalSeconds:F1} s | {build.Elapsed.TotalSeconds:F1} s | " +
    $"{work.TotalSeconds:F1} s | {papers / work.TotalSeconds:N0} papers/s | {graph.Topics.Count:N0} | {graph.HasTopic.Count:N0} | " +
    $"{graph.CoTopic.Count:N0} | {graph.CoOccurs.Count:N0} | {peak:F2} GB |"));
