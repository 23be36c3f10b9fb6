using System.Text;
using System.Text.Json;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// A generated citation corpus (OpenAlex works, loaded by the real ingestor into a SQLite file) with three seeds a, b, c
/// and planted neighbourhoods: papers co-cited with a and with b, with a only, with b only, with a and (more weakly)
/// c, and with c only; around them, background papers citing each other and the seeds at random.
/// </summary>
public sealed class SeedCorpusFixture : IAsyncLifetime
{
    public const int GroupSize = 4;

    private readonly TempDirectory _dir = new();
    private ServiceProvider _services = null!;
    private SqliteGraphStore _store = null!;

    /// <summary>OpenAlex ids of the seeds and of each planted group.</summary>
    public string A { get; } = Work(1);

    public string B { get; } = Work(2);

    public string C { get; } = Work(3);

    public IReadOnlyList<string> NearAAndB { get; } = Works(10);

    public IReadOnlyList<string> NearAOnly { get; } = Works(20);

    public IReadOnlyList<string> NearBOnly { get; } = Works(30);

    public IReadOnlyList<string> NearAAndC { get; } = Works(40);

    public IReadOnlyList<string> NearCOnly { get; } = Works(50);

    /// <summary>OpenAlex id → CiteGraph id, as the API answers.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var lines = new List<string>();
        var next = 1000;
        void Cite(params string[] cited) => lines.Add(Json(Work(next++), 2021, cited));

        foreach (var seed in new[] { A, B, C }.Concat(NearAAndB).Concat(NearAOnly).Concat(NearBOnly).Concat(NearAAndC).Concat(NearCOnly))
        {
            lines.Add(Json(seed, 2018, []));
        }

        // Each planted paper is cited together with its seeds by two papers per seed (papers near a and c: twice with
        // a, once with c, so c pulls them less than a does).
        foreach (var x in NearAAndB)
        {
            Cite(A, x); Cite(A, x); Cite(B, x); Cite(B, x);
        }

        foreach (var x in NearAOnly)
        {
            Cite(A, x); Cite(A, x);
        }

        foreach (var x in NearBOnly)
        {
            Cite(B, x); Cite(B, x);
        }

        foreach (var x in NearAAndC)
        {
            Cite(A, x); Cite(A, x); Cite(C, x);
        }

        foreach (var x in NearCOnly)
        {
            Cite(C, x); Cite(C, x); Cite(C, x);
        }

        // Background: 150 papers citing three earlier background papers each, one in ten also citing a seed.
        var random = new Random(7);
        var background = Enumerable.Range(5000, 150).Select(Work).ToList();
        for (var i = 0; i < background.Count; i++)
        {
            var cited = Enumerable.Range(0, Math.Min(i, 3)).Select(_ => background[random.Next(i)]).Distinct().ToList();
            if (random.Next(10) == 0)
            {
                cited.Add(new[] { A, B, C }[random.Next(3)]);
            }

            lines.Add(Json(background[i], 2010 + (i / 15), cited));
        }

        var path = _dir.File("seeds.jsonl");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        // The container does not dispose a store it was given: the fixture does, after the container.
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("seeds.db") });
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(path)], cancellationToken: TestContext.Current.CancellationToken);
        _services = new ServiceCollection().AddSingleton<IGraphStore>(_store).AddCiteGraphQL().BuildServiceProvider();
        await _services.GetRequiredService<SnapshotHolder>().RebuildAsync(TestContext.Current.CancellationToken);
        foreach (var work in new[] { A, B, C }.Concat(NearAAndB).Concat(NearAOnly).Concat(NearBOnly).Concat(NearAAndC).Concat(NearCOnly))
        {
            var paper = (await ExecuteAsync("query($id: ID!) { paper(id: $id) { id } }", new() { ["id"] = work })).GetProperty("data").GetProperty("paper");
            Ids[work] = paper.GetProperty("id").GetString()!;
        }
    }

    /// <summary>Runs a query through the schema as the endpoint does and returns the response as a client sees it.</summary>
    public async Task<JsonElement> ExecuteAsync(string query, Dictionary<string, object?> variables, int? maxComplexity = null)
    {
        if (maxComplexity is not { } max)
        {
            return await _services.ResponseAsync(query, new Inputs(variables));
        }

        await using var limited = new ServiceCollection().AddSingleton<IGraphStore>(_store).AddCiteGraphQL(limits => limits.MaxComplexity = max).BuildServiceProvider();
        await limited.GetRequiredService<SnapshotHolder>().RebuildAsync(TestContext.Current.CancellationToken);
        return await limited.ResponseAsync(query, new Inputs(variables));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private static string Work(int n) => $"https://openalex.org/W{n}";

    private static List<string> Works(int from) => [.. Enumerable.Range(from, GroupSize).Select(Work)];

    private static string Json(string id, int year, IEnumerable<string> references)
    {
        var title = "Generated Paper " + id[(id.LastIndexOf('W') + 1)..];
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["title"] = title,
            ["publication_year"] = year,
            ["referenced_works"] = references.ToList(),
        });
    }
}

/// <summary><c>related(paperIds, negative)</c>: papers near all the seeds first, papers near the negative seeds sink or drop out.</summary>
public sealed class RelatedSeedsTests(SeedCorpusFixture corpus) : IClassFixture<SeedCorpusFixture>
{
    private const string Query = """
        query($seeds: [ID!]!, $negative: [ID!], $first: Int) {
          related(paperIds: $seeds, negative: $negative, first: $first) { score paper { id } reasons { kind seed negative detail } }
        }
        """;

    [Fact]
    public async Task Papers_near_both_seeds_rank_first_and_a_negative_seed_pushes_its_neighbours_below_the_rest()
    {
        var a = corpus.Ids[corpus.A];
        var b = corpus.Ids[corpus.B];
        var c = corpus.Ids[corpus.C];
        var ranked = await RelatedAsync([corpus.A, corpus.B], [corpus.C], 40);
        var rank = ranked.Select((r, i) => (Id: r.GetProperty("paper").GetProperty("id").GetString()!, i)).ToDictionary(p => p.Id, p => p.i);
        int RankOf(string work) => rank.TryGetValue(corpus.Ids[work], out var r) ? r : int.MaxValue;
        var group = corpus.NearAAndB.Select(w => (w, "a+b")).Concat(corpus.NearAOnly.Select(w => (w, "a"))).Concat(corpus.NearBOnly.Select(w => (w, "b")))
            .Concat(corpus.NearAAndC.Select(w => (w, "a+c"))).Concat(corpus.NearCOnly.Select(w => (w, "c"))).ToDictionary(g => corpus.Ids[g.w], g => g.Item2);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', ranked.Select((r, i) =>
            $"{i + 1}. {group.GetValueOrDefault(r.GetProperty("paper").GetProperty("id").GetString()!, "background")} {r.GetProperty("score").GetDouble():0.000}")));

        // Near a and b: the first places, ahead of everything near one seed only.
        Assert.Equal(corpus.NearAAndB.Select(w => corpus.Ids[w]).Order(), ranked.Take(SeedCorpusFixture.GroupSize).Select(r => r.GetProperty("paper").GetProperty("id").GetString()!).Order());
        foreach (var both in corpus.NearAAndB)
        {
            var reasons = ranked[RankOf(both)].GetProperty("reasons").EnumerateArray().ToList();
            Assert.Contains(reasons, r => r.GetProperty("seed").GetString() == a);
            Assert.Contains(reasons, r => r.GetProperty("seed").GetString() == b);
            Assert.DoesNotContain(reasons, r => r.GetProperty("negative").GetBoolean());
        }

        // Near a only, and near b only, are listed; near a and c ranks below every paper near a only, and says c is why.
        Assert.All(corpus.NearAOnly.Concat(corpus.NearBOnly), w => Assert.NotEqual(int.MaxValue, RankOf(w)));
        var lastNearAOnly = corpus.NearAOnly.Max(RankOf);
        foreach (var nearC in corpus.NearAAndC)
        {
            Assert.True(RankOf(nearC) > lastNearAOnly, $"{nearC} (near a and c) ranks {RankOf(nearC)}, above a paper near a only ({lastNearAOnly})");
            if (RankOf(nearC) != int.MaxValue)
            {
                Assert.Contains(ranked[RankOf(nearC)].GetProperty("reasons").EnumerateArray(),
                    r => r.GetProperty("negative").GetBoolean() && r.GetProperty("seed").GetString() == c);
            }
        }

        // Near c only: never above anything near a seed, and no seed is its own result.
        Assert.All(corpus.NearCOnly, w => Assert.True(RankOf(w) > lastNearAOnly));
        Assert.DoesNotContain(a, rank.Keys);
        Assert.DoesNotContain(b, rank.Keys);
        Assert.DoesNotContain(c, rank.Keys);

        // Without the negative seed, the papers near a and c are as near a as the papers near a only: it is c that sank them.
        var unpushed = await RelatedAsync([corpus.A, corpus.B], [], 40);
        var score = unpushed.ToDictionary(r => r.GetProperty("paper").GetProperty("id").GetString()!, r => r.GetProperty("score").GetDouble());
        var nearAOnlyMin = corpus.NearAOnly.Min(w => score[corpus.Ids[w]]);
        Assert.All(corpus.NearAAndC, w => Assert.True(score[corpus.Ids[w]] >= 0.8 * nearAOnlyMin, $"{w} without the negative seed scores {score[corpus.Ids[w]]:0.000}, near a only {nearAOnlyMin:0.000}"));
    }

    [Fact]
    public async Task One_paper_through_paperId_or_paperIds_gives_the_same_list_and_its_reasons_name_it()
    {
        var single = await corpus.ExecuteAsync(
            "query($id: ID!) { related(paperId: $id, first: 10) { score paper { id } reasons { seed } } }", new() { ["id"] = corpus.A });
        var list = single.GetProperty("data").GetProperty("related").EnumerateArray().ToList();
        var viaList = await RelatedAsync([corpus.A], [], 10);
        Assert.NotEmpty(list);
        Assert.Equal(list.Select(r => r.GetProperty("paper").GetProperty("id").GetString()), viaList.Select(r => r.GetProperty("paper").GetProperty("id").GetString()));
        Assert.All(list, r => Assert.All(r.GetProperty("reasons").EnumerateArray(), x => Assert.Equal(corpus.Ids[corpus.A], x.GetProperty("seed").GetString())));
    }

    [Theory]
    [InlineData("{ related(first: 5) { score } }", "paperIds")]
    [InlineData("{ related(paperId: \"https://openalex.org/W1\", paperIds: [\"https://openalex.org/W2\"]) { score } }", "paperIds")]
    [InlineData("{ related(paperIds: []) { score } }", "paperIds")]
    [InlineData("{ related(paperIds: [\"https://openalex.org/W1\"], negative: [\"https://openalex.org/W1\"]) { score } }", "negative")]
    [InlineData("{ related(paperIds: [\"https://openalex.org/W1\"], negative: [\"\"]) { score } }", "negative")]
    [InlineData("{ related(paperIds: [\"https://openalex.org/W1\"], first: 101) { score } }", "first")]
    public async Task Seed_lists_outside_their_limits_are_refused_with_INVALID_ARGUMENT_naming_the_argument(string query, string argument)
    {
        var json = await corpus.ExecuteAsync(query, []);
        var error = json.GetProperty("errors")[0];
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(argument, error.GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_ten_seeds_on_either_side_are_refused_and_an_unknown_seed_is_NOT_FOUND()
    {
        var eleven = Enumerable.Range(1, 11).Select(i => $"https://openalex.org/W{i}").ToList();
        foreach (var (seeds, negative) in new[] { (eleven, new List<string>()), ([corpus.A], eleven) })
        {
            var json = await corpus.ExecuteAsync(Query, new() { ["seeds"] = seeds, ["negative"] = negative, ["first"] = 5 });
            Assert.Equal("INVALID_ARGUMENT", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        var unknown = await corpus.ExecuteAsync(Query, new() { ["seeds"] = new[] { corpus.A, "https://openalex.org/W999999" }, ["first"] = 5 });
        Assert.Equal("NOT_FOUND", unknown.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_complexity_rule_counts_every_seed()
    {
        var ten = Enumerable.Range(1, 10).Select(i => $"https://openalex.org/W{i}").ToList();
        var one = await ComplexityAsync([corpus.A], []);
        var two = await ComplexityAsync([corpus.A, corpus.B], []);
        var twenty = await ComplexityAsync(ten, [.. ten.Select(t => t + "0")]);
        Assert.True(one < two && two < twenty, $"complexity of 1, 2 and 20 seeds: {one}, {two}, {twenty}");
        Assert.Equal(two - one, (twenty - one) / 19.0, 3);

        // A budget that admits one seed refuses twenty.
        var budget = (int)(one * 1.25);
        var single = await corpus.ExecuteAsync(Query, new() { ["seeds"] = new[] { corpus.A }, ["first"] = 10 }, maxComplexity: budget);
        Assert.False(single.TryGetProperty("errors", out var errors), errors.ToString());
        var many = await corpus.ExecuteAsync(Query, new() { ["seeds"] = ten, ["negative"] = ten.Select(t => t + "0").ToList(), ["first"] = 10 }, maxComplexity: budget);
        Assert.Equal("COMPLEXITY", many.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>The complexity the rule computes for a related query, read from its refusal at a budget of 1.</summary>
    private async Task<double> ComplexityAsync(IReadOnlyList<string> seeds, IReadOnlyList<string> negative)
    {
        var json = await corpus.ExecuteAsync(Query, new() { ["seeds"] = seeds.ToList(), ["negative"] = negative.ToList(), ["first"] = 10 }, maxComplexity: 1);
        var message = json.GetProperty("errors")[0].GetProperty("message").GetString()!;
        var match = System.Text.RegularExpressions.Regex.Match(message, @"Complexity is (?<n>[\d.,]+);");
        Assert.True(match.Success, message);
        return double.Parse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<JsonElement>> RelatedAsync(IReadOnlyList<string> seeds, IReadOnlyList<string> negative, int first)
    {
        var json = await corpus.ExecuteAsync(Query, new() { ["seeds"] = seeds.ToList(), ["negative"] = negative.ToList(), ["first"] = first });
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data").GetProperty("related").EnumerateArray().ToList();
    }
}
