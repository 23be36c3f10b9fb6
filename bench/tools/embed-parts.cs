#:project ../../src/Graph/Graph.csproj
#:project ../../src/Graph.Sqlite/Graph.Sqlite.csproj
#:project ../../src/Embeddings/Embeddings.csproj
#:property PublishAot=false
#:property NoWarn=NU1603
// Experimental (suggest7, issue 15): the title alone and the abstract in windows of whole sentences (at most 500
// characters, about 110 word pieces, within the 128 all-MiniLM-L6-v2 was trained on) embedded for every paper of a store,
// written to a side file for bench/suggest/part-vectors.patch (features TitleSemantic, WindowMax, WindowToTitle,
// WindowMean; the patch's SuggestionCorpus reads the file named by CITEGRAPH_PARTS). Judged by cross-validation on the
// training papers and not kept (bench/RESULTS.md, "Suggested references", suggest7's notes).
// usage: dotnet run bench/tools/embed-parts.cs -- DB OUT.bin     (prints progress and texts/s on stderr)
// Format: int32 papers; per paper: id (BinaryWriter string), int32 windows, then (1 + windows) × 384 float32 (title first).
using System.Diagnostics;
using System.Text.RegularExpressions;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Sqlite;

await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = args[0] });
await store.InitializeAsync();
var papers = new List<(string Id, string Title, string Abstract)>();
await foreach (var p in store.ReadPaperTextsAsync()) papers.Add((p.Id, p.Title, p.Abstract ?? ""));
using var embedder = new MiniLmEmbedder();
var split = new Regex(@"(?<=[.!?])\s+(?=[A-Z0-9(\\$])");
var clock = Stopwatch.StartNew();
long texts = 0, chars = 0;
using var output = new BinaryWriter(File.Create(args[1]));
output.Write(papers.Count);
for (var i = 0; i < papers.Count; i++)
{
    var (id, title, abs) = papers[i];
    var windows = new List<string>();
    var current = "";
    foreach (var s in split.Split(Regex.Replace(abs, @"\s+", " ").Trim()))
    {
        if (current.Length > 0 && current.Length + 1 + s.Length > 500) { windows.Add(current); current = ""; }
        current = current.Length == 0 ? s : current + " " + s;
    }
    if (current.Length > 0) windows.Add(current);
    var all = new List<string> { Regex.Replace(title, @"\s+", " ").Trim() };
    all.AddRange(windows);
    var vectors = embedder.Embed(all);
    texts += all.Count; chars += all.Sum(t => t.Length);
    output.Write(id);
    output.Write(windows.Count);
    foreach (var v in vectors) foreach (var x in v) output.Write(x);
    if (i % 200 == 0) Console.Error.WriteLine($"{i}/{papers.Count} {clock.Elapsed.TotalSeconds:0}s texts {texts} chars {chars} ({texts / clock.Elapsed.TotalSeconds:0.0} texts/s)");
}
Console.Error.WriteLine($"done {papers.Count} papers, {texts} texts, {chars} chars in {clock.Elapsed.TotalSeconds:0}s");
