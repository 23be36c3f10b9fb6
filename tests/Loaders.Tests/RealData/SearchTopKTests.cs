using System.Text.RegularExpressions;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Loaders.Tests.RealData;

/// <summary>
/// Keyword search ranks from per-word lists kept in memory (SqliteGraphStore.SearchAsync); its answers must be those of
/// FTS5 ranking every match with bm25 (the statement search ran before), on real abstracts, also after other writers
/// changed the store. ../shared/data/neurips-icml-citations: 4,828 arXiv papers.
/// </summary>
[Trait("Category", "RealData")]
public sealed partial class SearchTopKTests(ITestOutputHelper output)
{
    private const int FirstPart = 4_000;

    // The statement search ran before the per-word lists: FTS5 computes bm25 for every match, then sorts.
    private const string FullRankingSql = """
        SELECT p.id, bm25(paper_fts, 10.0, 1.0) AS rank
        FROM paper_fts JOIN paper p ON p.pk = paper_fts.rowid
        WHERE paper_fts MATCH $q AND p.is_stub = 0
        ORDER BY rank, paper_fts.rowid LIMIT $first;
        """;

    // Each answer of the last comparison, to count how many the write changed.
    private readonly Dictionary<(string, int), List<string>> _previous = [];

    [Fact]
    public async Task Search_TopK_EqualsTheFullBm25Ranking_BeforeAndAfterAnotherWriterAddsPapers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var source = Path.Combine(TestFiles.SharedData("neurips-icml-citations"), "papers.jsonl");
        var lines = File.ReadAllLines(source).Where(l => l.Length > 0).ToList();
        using var temp = new TempDirectory();
        var first = temp.Write("first.jsonl", string.Join('\n', lines.Take(FirstPart)) + "\n");
        var rest = temp.Write("rest.jsonl", string.Join('\n', lines.Skip(FirstPart)) + "\n");
        var path = temp.File("search.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await new Ingestor(store).LoadAsync([InputFile.FromPath(first)], cancellationToken: cancellationToken);

        var queries = Queries(lines);
        var before = await CompareWarmAndColdAsync(store, path, queries, cancellationToken);
        output.WriteLine($"{FirstPart} papers: {queries.Count} queries, {before.Hits} hits compared, {before.Empty} queries without a match");
        Assert.True(before.Hits > 10_000, $"only {before.Hits} hits compared: the queries do not exercise the ranking");

        // Another writer (a second store on the same file, as a CLI load into a served database) adds the remaining
        // papers: the first store's lists belong to the old index and must not answer any more.
        await using (var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await new Ingestor(writer).LoadAsync([InputFile.FromPath(rest)], cancellationToken: cancellationToken);
        }

        var after = await CompareWarmAndColdAsync(store, path, queries, cancellationToken);
        output.WriteLine($"{lines.Count} papers: {after.Hits} hits compared, {after.Changed} answers differ from before the write");
        Assert.True(after.Changed > queries.Count / 10, $"only {after.Changed} answers changed: the write did not test freshness");
    }

    /// <summary>
    /// Compares every query twice: first as they come (a word's first search is ranked by FTS5 while its list is built
    /// in the background), then once every list is built, when no search may build one any more (all from memory).
    /// </summary>
    private async Task<(int Hits, int Empty, int Changed)> CompareWarmAndColdAsync(
        SqliteGraphStore store, string path, List<string> queries, CancellationToken cancellationToken)
    {
        var cold = await CompareAsync(store, path, queries, cancellationToken);
        await store.SearchListsIdleAsync(cancellationToken);
        var built = store.SearchListBuilds;
        var warm = await CompareAsync(store, path, queries, cancellationToken);
        await store.SearchListsIdleAsync(cancellationToken);
        Assert.Equal(built, store.SearchListBuilds);
        output.WriteLine($"{built} word lists built so far");
        return (warm.Hits, warm.Empty, cold.Changed);
    }

    /// <summary>Single words, pairs and triples of title words, a word repeated, from every 23rd paper.</summary>
    private static List<string> Queries(List<string> lines)
    {
        var queries = new List<string>();
        for (var i = 0; i < lines.Count; i += 23)
        {
            var title = TitleRegex().Match(lines[i]).Groups[1].Value;
            var words = WordRegex().Matches(title).Select(m => m.Value).ToList();
            if (words.Count < 3)
            {
                continue;
            }

            queries.Add(words[0]);
            queries.Add($"{words[1]} {words[2]}");
            queries.Add(string.Join(' ', words.Take(3)));
            queries.Add($"{words[^1]} {words[^1].ToUpperInvariant()}");
        }

        queries.AddRange(["learning", "neural networks", "the of", "gaussian process regression", "zzzzqx"]);
        return queries;
    }

    private async Task<(int Hits, int Empty, int Changed)> CompareAsync(
        SqliteGraphStore store, string path, List<string> queries, CancellationToken cancellationToken)
    {
        await using var reference = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await reference.OpenAsync(cancellationToken);
        int hits = 0, empty = 0, changed = 0;
        foreach (var query in queries)
        {
            foreach (var k in new[] { 10, 50 })
            {
                var expected = await FullRankingAsync(reference, query, k, cancellationToken);
                var actual = await store.SearchAsync(query, k, cancellationToken);
                Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a.Paper.Id));
                // The same double, not a close one: the score is FTS5's bm25 of the whole query, negated.
                Assert.Equal(expected.Select(e => -e.Rank), actual.Select(a => a.Score));
                Assert.All(actual, a => Assert.Contains('[', a.Snippet));
                hits += actual.Count;
                empty += actual.Count == 0 ? 1 : 0;
                changed += _previous.TryGetValue((query, k), out var old) && !old.SequenceEqual(expected.Select(e => e.Id)) ? 1 : 0;
                _previous[(query, k)] = expected.Select(e => e.Id).ToList();
            }
        }

        return (hits, empty, changed);
    }

    private static async Task<List<(string Id, double Rank)>> FullRankingAsync(
        SqliteConnection connection, string query, int first, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = FullRankingSql;
        // The words are letters and digits only, so quoting each is the whole of FtsQuery's work.
        command.Parameters.AddWithValue("$q", string.Join(' ', query.Split(' ').Select(w => $"\"{w}\"")));
        command.Parameters.AddWithValue("$first", first);
        var rows = new List<(string, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetDouble(1)));
        }

        return rows;
    }

    [GeneratedRegex("\"title\": \"([^\"]*)\"")]
    private static partial Regex TitleRegex();

    [GeneratedRegex("[A-Za-z0-9]{3,}")]
    private static partial Regex WordRegex();
}
