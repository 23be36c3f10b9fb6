#:project ../../src/Graph/Graph.csproj
// Adds the explicit citations of an arXiv-id edge list whose citing paper appeared before a year, through the store API
// (IGraphStore.UpsertCitationsAsync): the graph a held-out evaluation of later papers may see. Stand-in until
// `citegraph load refs.tsv --id-kind arxiv` exists; usage: dotnet run bench/tools/add-citations.cs -- DB REFS.tsv BEFORE_YEAR
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;

if (args.Length != 3 || !int.TryParse(args[2], out var before))
{
    Console.Error.WriteLine("usage: add-citations.cs DB REFS.tsv BEFORE_YEAR");
    return 2;
}

await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = args[0] });
await store.InitializeAsync();
var ids = new Dictionary<string, Paper?>(StringComparer.Ordinal);
async Task<Paper?> Find(string id) => ids.TryGetValue(id, out var p) ? p : ids[id] = await store.FindPaperAsync(id);
var citations = new List<Citation>();
int lines = 0, unknown = 0, later = 0;
foreach (var line in File.ReadLines(args[1]))
{
    var parts = line.Split('\t');
    if (parts.Length < 2)
    {
        continue;
    }

    lines++;
    var (from, to) = (await Find(parts[0].Trim()), await Find(parts[1].Trim()));
    if (from is null || to is null)
    {
        unknown++;
    }
    else if (from.Year is not { } y || y >= before)
    {
        later++;
    }
    else
    {
        citations.Add(new Citation(from.Id, to.Id, CitationKind.Explicit, 1.0, "edge list " + Path.GetFileName(args[1])));
    }
}

var stored = await store.UpsertCitationsAsync(citations);
Console.WriteLine($"{lines} lines: {stored} citations stored (citing paper before {before}), {later} left out (citing paper {before} or later), {unknown} naming unknown papers");
return 0;
