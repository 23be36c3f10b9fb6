using System.Diagnostics;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Formats.OpenAlex;

var path = args[0];
var input = InputFile.FromPath(path);
var reader = new OpenAlexWorkReader();
var sw = Stopwatch.StartNew();
long n = 0, refs = 0, links = 0;
await foreach (var r in reader.ReadAsync(input))
{
    n++;
    refs += r.Record!.References.Count;
    links += r.Record.Repos.Count + r.Record.Links.Count + r.Record.Mentions.Count;
}
Console.WriteLine($"{n} records, {refs} refs, {links} links in {sw.Elapsed.TotalSeconds:F2}s = {n / sw.Elapsed.TotalSeconds:N0}/s");
