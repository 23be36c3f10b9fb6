// GraphQL API benchmark (issue 8): builds a synthetic store, times the snapshot build, serves it on loopback and
// drives paper / lineage / connect / related queries with a bounded closed-loop load generator.
//
//   dotnet run -c Release --project bench/Api.Bench -- --papers 1000000 --refs 10 [--reuse] [--seconds 10] [--concurrency 8]
//
// Results replace the "GraphQL API" section of bench/RESULTS.md (machine and date included).
using System.Diagnostics;
using System.Globalization;
using CiteGraph.Bench.Api;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using Microsoft.Extensions.Hosting;

var papers = Arg("--papers", 100_000);
var refs = Arg("--refs", 10);
var seconds = Arg("--seconds", 10);
// One or more worker counts, e.g. "--concurrency 4,8": every query runs at each.
var concurrencies = ArgList("--concurrency", [8]);
var reuse = args.Contains("--reuse");
var root = FindRoot();
var outDir = Path.Combine(root, "bench", "out");
Directory.CreateDirectory(outDir);
var db = Path.Combine(outDir, $"api-{papers}-{refs}.db");

void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

if (!reuse || !File.Exists(db))
{
    var generate = Stopwatch.StartNew();
    await SyntheticStore.CreateAsync(db, papers, refs, seed: 7, Log);
    Log($"store written in {generate.Elapsed.TotalSeconds:F1}s");
}

// Snapshot build, measured alone in this process before the server starts.
GC.Collect();
var before = GC.GetTotalMemory(forceFullCollection: true);
var clock = Stopwatch.StartNew();
GraphSnapshot snapshot;
await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db }))
{
    var source = await store.ReadSnapshotSourceAsync();
    var read = clock.Elapsed;
    snapshot = GraphSnapshot.Build(source);
    Log($"snapshot: read {read.TotalSeconds:F1}s, built {clock.Elapsed.TotalSeconds:F1}s");
}

var buildSeconds = clock.Elapsed.TotalSeconds;
var snapshotBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
var peakAfterBuild = Process.GetCurrentProcess().PeakWorkingSet64;
Log($"snapshot {snapshot.PaperCount:N0} papers, {snapshot.Citations.EdgeCount:N0} citations: {buildSeconds:F1}s, managed {snapshotBytes / 1e9:F2} GB, peak RSS {peakAfterBuild / 1e9:F2} GB");

const string Url = "http://127.0.0.1:5199";
using var host = CiteGraph.Host.Program.CreateHostBuilder([$"--CiteGraph:Database={db}", $"--urls={Url}", "--Serilog:MinimumLevel:Default=Warning", "--CiteGraph:Http:RateLimitPerMinute=0"]).Build();
await host.StartAsync();
using var client = new HttpClient { BaseAddress = new Uri(Url) };
var random = new Random(11);
string RandomId() => snapshot.PaperId(random.Next(snapshot.PaperCount));
var ids = Enumerable.Range(0, 100_000).Select(_ => RandomId()).ToArray();

var scenarios = new (string Name, Func<int, object> Request)[]
{
    ("paper (with repos, ids, counts)", n => new
    {
        query = "query($id: ID!) { paper(id: $id) { id title year published repos { url } externalIds { kind value } citationCount referenceCount } }",
        variables = new { id = ids[n % ids.Length] },
    }),
    ("lineage depth 3, first 200", n => new
    {
        query = "query($id: ID!) { lineage(paperId: $id, maxDepth: 3, first: 200) { nodes { depth paper { id } } edges { source target } } }",
        variables = new { id = ids[n % ids.Length] },
    }),
    ("connect maxLength 6, first 3", n => new
    {
        query = "query($a: ID!, $b: ID!) { connect(from: $a, to: $b, maxLength: 6, first: 3) { length } }",
        variables = new { a = ids[n % ids.Length], b = ids[(n * 7 + 3) % ids.Length] },
    }),
    ("related first 10", n => new
    {
        query = "query($id: ID!) { related(paperId: $id, first: 10) { score paper { id } reasons { kind } } }",
        variables = new { id = ids[n % ids.Length] },
    }),
};
var results = new List<(int Concurrency, LoadGenerator.Result Result)>();
foreach (var concurrency in concurrencies)
{
    foreach (var (name, request) in scenarios)
    {
        results.Add((concurrency, await LoadGenerator.RunAsync(client, name, request, concurrency, TimeSpan.FromSeconds(seconds))));
    }
}
await host.StopAsync();
var peak = Process.GetCurrentProcess().PeakWorkingSet64;

foreach (var (c, r) in results)
{
    Log($"{r.Name} ×{c}: {r.Requests:N0} requests, {r.RequestsPerSecond:N0}/s, p50 {r.P50Ms:F2} ms, p99 {r.P99Ms:F2} ms, max {r.MaxMs:F1} ms, errors {r.Errors}");
}

WriteResults();
return 0;

void WriteResults()
{
    var path = Path.Combine(root, "bench", "RESULTS.md");
    var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n";
    const string Start = "<!-- api:start -->", End = "<!-- api:end -->";
    var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() : "?";
    var section = string.Join('\n',
    [
        Start,
        "## GraphQL API (issue 8)",
        "",
        $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({cpu}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9:F0} GB, .NET {Environment.Version}.",
        $"Command: `dotnet run -c Release --project bench/Api.Bench -- --papers {papers} --refs {refs} --seconds {seconds} --concurrency {string.Join(',', concurrencies)}`.",
        $"Synthetic graph: {snapshot.PaperCount:N0} papers, {snapshot.Citations.EdgeCount:N0} citations (preferential attachment), {snapshot.RepoCount:N0} repositories.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        $"| snapshot build (read store + CSR) | {buildSeconds:F1} s | ≤ 20 s |",
        $"| snapshot managed memory | {snapshotBytes / 1e9:F2} GB | ≤ 3 GB |",
        $"| peak RSS after build / after load test | {peakAfterBuild / 1e9:F2} GB / {peak / 1e9:F2} GB | |",
        "",
        $"Load average at the end of the run (1/5/15 min): {(File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?")}; above 2 means other jobs shared the cores.",
        "",
        $"Load: closed-loop workers (each sends its next request when the last one answered) on loopback HTTP in the same process as the server (both share the {Environment.ProcessorCount} cores), {seconds} s per query and worker count after 200 warm-up requests, random papers (seeded).",
        "",
        "| query | workers | requests | req/s | p50 ms | p99 ms | max ms | errors | target |",
        "|---|---|---|---|---|---|---|---|---|",
        .. results.Select(x => $"| {x.Result.Name} | {x.Concurrency} | {x.Result.Requests:N0} | {x.Result.RequestsPerSecond:N0} | {x.Result.P50Ms:F2} | {x.Result.P99Ms:F2} | {x.Result.MaxMs:F1} | {x.Result.Errors} | {Target(x.Result.Name)} |"),
        End,
    ]);
    var startIndex = text.IndexOf(Start, StringComparison.Ordinal);
    var endIndex = text.IndexOf(End, StringComparison.Ordinal);
    text = startIndex >= 0 && endIndex > startIndex
        ? text[..startIndex] + section + text[(endIndex + End.Length)..]
        : text.TrimEnd() + "\n\n" + section + "\n";
    File.WriteAllText(path, text);
    Log($"results written to {path}");
}

static string Target(string name) => name switch
{
    _ when name.StartsWith("paper", StringComparison.Ordinal) => "p99 ≤ 5 ms, ≥ 3,000 req/s",
    _ when name.StartsWith("lineage", StringComparison.Ordinal) => "p99 ≤ 20 ms",
    _ => "p99 ≤ 50 ms",
};

int[] ArgList(string name, int[] fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length
        ? args[i + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
        : fallback;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CiteGraph.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
