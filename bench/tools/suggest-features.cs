#:project ../../src/Graph/Graph.csproj
#:project ../../src/Graph.Sqlite/Graph.Sqlite.csproj
#:property PublishAot=false
// Writes every candidate the suggestion engine scores for the citing papers of a truth file, with its features and
// whether the paper really cites it: the input of bench/suggest/fit_ranker.py (fitting and error analysis in Python).
// usage: dotnet run bench/tools/suggest-features.cs -- DB TRUTH.tsv YEARS OUT.tsv [GRAPH_BEFORE_YEAR]   (YEARS as 2017-2019)
// GRAPH_BEFORE_YEAR hides the citations made in that year or later too (the graph frozen as in the evaluation).
// Columns: paper, candidate (ids), paper year-month, candidate year-month, label (1 = a known reference), known (the paper's
// number of known references), then one column per SuggestionFeature (scaled as the engine scales them).
using System.Globalization;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Suggest;

if (args.Length is not (4 or 5))
{
    Console.Error.WriteLine("usage: suggest-features.cs DB TRUTH.tsv YEARS OUT.tsv [GRAPH_BEFORE_YEAR]");
    return 2;
}

await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = args[0] });
await store.InitializeAsync();
var snapshot = await new SnapshotHolder(store).RebuildAsync();
var corpus = await SuggestionCorpus.BuildAsync(store, snapshot);
var truth = await SuggestionTruth.ReadAsync(store, snapshot, args[1]);
var papers = SuggestionEvaluation.Citing(corpus, truth, YearRange.Parse(args[2]));
int? graphBefore = args.Length == 5 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;
var rows = new string[papers.Count][];
Parallel.For(0, papers.Count, i =>
{
    var p = papers[i];
    var known = truth.References[p];
    rows[i] = SuggestionEngine.Candidates(corpus, p, SuggestionScope.HeldOut, graphBefore).Select(c => string.Join('\t', new[]
    {
        snapshot.PaperId(p), snapshot.PaperId(c.Paper), Month(corpus.Months[p]), Month(corpus.Months[c.Paper]),
        known.Contains(c.Paper) ? "1" : "0", known.Count.ToString(CultureInfo.InvariantCulture),
    }.Concat(c.Features.Select(f => f.ToString("0.######", CultureInfo.InvariantCulture))))).ToArray();
});
await using var output = new StreamWriter(args[3]);
await output.WriteLineAsync(string.Join('\t', new[] { "paper", "candidate", "paper_month", "candidate_month", "label", "known" }
    .Concat(Enum.GetNames<SuggestionFeature>())));
foreach (var line in rows.SelectMany(r => r))
{
    await output.WriteLineAsync(line);
}

Console.Error.WriteLine($"{papers.Count} citing papers, {rows.Sum(r => r.Length)} candidates → {args[3]}");
return 0;

static string Month(PaperMonth m) => m.Year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y}-{m.Month:00}") : "";
