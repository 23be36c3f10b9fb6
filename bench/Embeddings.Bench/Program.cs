using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;

// Embedding throughput, int8 ranking loss and exact-scan latency, printed as one JSON object (bench/run-embeddings.sh
// turns it into bench/RESULTS.md). Usage: Embeddings.Bench HF_DAILY_DIR [TEXTS] [QUANT_PAPERS]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Embeddings.Bench HF_DAILY_DIR [TEXTS=160] [QUANT_PAPERS=1000]");
    return 2;
}

var textsWanted = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 160;
var quantPapers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
var result = new Dictionary<string, object>();
void Log(string line) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

// 1. Real texts: the Hugging Face corpus loaded into a scratch store (no derive), read back as the derive pass reads it.
var scratch = Path.Combine(Path.GetTempPath(), $"emb-bench-{Guid.NewGuid():N}.db");
var texts = new List<string>();
await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = scratch }))
{
    var files = Directory.GetFiles(args[0], "*.json").Order(StringComparer.Ordinal).Select(InputFile.FromPath).ToList();
    await new Ingestor(store).LoadAsync(files);
    await foreach (var paper in store.ReadPaperTextsAsync())
    {
        texts.Add(EmbeddingText.Of(paper.Title, paper.Abstract));
    }
}

foreach (var f in Directory.GetFiles(Path.GetDirectoryName(scratch)!, Path.GetFileName(scratch) + "*"))
{
    File.Delete(f);
}

// A deterministic spread over the corpus, not its first days only.
var sample = Enumerable.Range(0, Math.Min(textsWanted, texts.Count)).Select(i => texts[(int)((long)i * texts.Count / Math.Min(textsWanted, texts.Count))]).ToList();
result["corpusPapers"] = texts.Count;
result["sampleTexts"] = sample.Count;
result["meanChars"] = Math.Round(sample.Average(t => t.Length));
Log($"{texts.Count} papers; sample of {sample.Count}, mean {result["meanChars"]} characters");

// 2. Model load and throughput at several batch sizes (one warm-up batch each, not timed).
var clock = Stopwatch.StartNew();
using (var warm = new MiniLmEmbedder())
{
    result["modelLoadSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
}

var throughput = new Dictionary<string, double>();
foreach (var batch in new[] { 1, 8, 32 })
{
    using var embedder = new MiniLmEmbedder(batchSize: batch);
    embedder.Embed(sample.Take(batch).ToList());
    clock.Restart();
    embedder.Embed(sample);
    var perSecond = sample.Count / clock.Elapsed.TotalSeconds;
    throughput[batch.ToString(CultureInfo.InvariantCulture)] = Math.Round(perSecond, 1);
    Log($"batch {batch}: {perSecond:F1} papers/s");
}

result["papersPerSecondByBatch"] = throughput;

// 3. int8 ranking loss: top-10 neighbours of each paper among QUANT_PAPERS, float32 vs what the SQLite store keeps.
var quantTexts = Enumerable.Range(0, Math.Min(quantPapers, texts.Count)).Select(i => texts[(int)((long)i * texts.Count / Math.Min(quantPapers, texts.Count))]).ToList();
float[][] exact;
using (var embedder = new MiniLmEmbedder())
{
    clock.Restart();
    exact = embedder.Embed(quantTexts);
    Log($"{quantTexts.Count} papers embedded for the quantization check in {clock.Elapsed.TotalSeconds:F0} s");
}

var ids = quantTexts.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToList();
var full = new VectorIndex(ids, exact, 384);
var int8 = new VectorIndex(ids, exact.Select(v => Int8VectorCodec.Decode(Int8VectorCodec.Encode(v))).ToList(), 384);
double overlap = 0, top1 = 0, maxCosineError = 0;
for (var i = 0; i < exact.Length; i++)
{
    var a = full.Search(exact[i], 10, j => j != i).Select(h => h.Index).ToList();
    var b = int8.Search(int8.VectorAt(i), 10, j => j != i).Select(h => h.Index).ToList();
    overlap += a.Intersect(b).Count() / 10.0;
    top1 += a[0] == b[0] ? 1 : 0;
    maxCosineError = Math.Max(maxCosineError, 1 - TensorPrimitives.Dot(exact[i], int8.VectorAt(i)));
}

result["int8"] = new
{
    papers = exact.Length,
    overlapAt10 = Math.Round(overlap / exact.Length, 4),
    sameTop1 = Math.Round(top1 / exact.Length, 4),
    maxOneMinusCosine = maxCosineError,
    bytesPerVector = Int8VectorCodec.EncodedLength(384),
};
Log($"int8: overlap@10 {overlap / exact.Length:F4}, same top-1 {top1 / exact.Length:F4}");

// 4. Exact scan latency over random unit vectors (the scan does not care what the vectors mean).
var scan = new List<object>();
var random = new Random(42);
foreach (var n in new[] { 10_000, 100_000, 1_000_000 })
{
    var vectors = new float[n][];
    for (var i = 0; i < n; i++)
    {
        var v = new float[384];
        for (var d = 0; d < v.Length; d++)
        {
            v[d] = (float)(random.NextDouble() - 0.5);
        }

        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        vectors[i] = v;
    }

    var index = new VectorIndex(Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(), vectors, 384);
    vectors = null;
    index.Search(index.VectorAt(0), 10);
    var times = new List<double>();
    for (var q = 0; q < 15; q++)
    {
        clock.Restart();
        index.Search(index.VectorAt(q * 7 % n), 10);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    scan.Add(new { vectors = n, medianMs = Math.Round(times[times.Count / 2], 2), minMs = Math.Round(times[0], 2), matrixBytes = index.VectorBytes });
    Log($"scan {n:N0}: median {times[times.Count / 2]:F2} ms");
    index = null;
    GC.Collect();
}

result["exactScanTop10"] = scan;
Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
return 0;
