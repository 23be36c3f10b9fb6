using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Semantic;

namespace CiteGraph.GraphQL.Tests.Semantic;

/// <summary>search(mode:) and related(by: SEMANTIC) on the demo corpus with real embeddings.</summary>
public sealed class SemanticSearchTests(DemoVectorsFixture demo) : IClassFixture<DemoVectorsFixture>
{
    // No word of it occurs in any demo paper: only meaning can connect it to the two DPO papers.
    private const string Paraphrase = "teaching chatbots to behave the way people like from pairwise comparisons";

    private static List<JsonElement> Hits(JsonElement response, string field = "search")
    {
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data").GetProperty(field).EnumerateArray().ToList();
    }

    private static bool IsDpoFamily(JsonElement paper) =>
        (paper.GetProperty("title").GetString() + " " + paper.GetProperty("abstract").GetString()).Contains("DPO", StringComparison.Ordinal);

    [Fact]
    public async Task Semantic_search_finds_the_preference_optimization_papers_although_no_word_matches()
    {
        var keyword = Hits(await demo.ExecuteAsync($$"""{ search(text: "{{Paraphrase}}", mode: KEYWORD) { paper { id } } }"""));
        var semantic = Hits(await demo.ExecuteAsync($$"""{ search(text: "{{Paraphrase}}", first: 3, mode: SEMANTIC) { score snippet paper { title abstract } } }"""));

        Assert.Empty(keyword);
        // Two of the demo's three papers about learning from preferences, each built on DPO, come first (which two:
        // close scores may swap).
        Assert.Equal(3, semantic.Count);
        Assert.All(semantic.Take(2), h => Assert.True(IsDpoFamily(h.GetProperty("paper")), h.GetProperty("paper").GetProperty("title").GetString()));
        var scores = semantic.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
        // A match by meaning has no matched words to bracket: the snippet is the start of the abstract.
        Assert.StartsWith(semantic[0].GetProperty("snippet").GetString()!.TrimEnd('…')[..40], semantic[0].GetProperty("paper").GetProperty("abstract").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hybrid_is_the_default_and_ranks_a_paper_both_lists_agree_on_first()
    {
        var hybrid = Hits(await demo.ExecuteAsync("""{ search(text: "preference optimization with noisy labels") { score paper { title } } }"""));
        var keyword = Hits(await demo.ExecuteAsync("""{ search(text: "preference optimization with noisy labels", mode: KEYWORD) { paper { title } } }"""));
        var paraphrase = Hits(await demo.ExecuteAsync($$"""{ search(text: "{{Paraphrase}}") { paper { title } } }"""));

        Assert.Equal("Robust DPO: Preference Optimization with Noisy Labels", hybrid[0].GetProperty("paper").GetProperty("title").GetString());
        // Fused scores are reciprocal-rank sums: a paper first on both lists scores 2 / 61.
        Assert.Equal(2.0 / 61, hybrid[0].GetProperty("score").GetDouble(), 1e-9);
        Assert.True(hybrid.Count > keyword.Count, "hybrid adds papers only the semantic list has");
        Assert.NotEmpty(paraphrase);
    }

    [Fact]
    public async Task Related_by_semantic_gives_the_nearest_papers_with_their_cosine_as_reason()
    {
        var dpo = (await demo.Store.SearchAsync("Direct Preference Optimization Small Models Replication", 1, TestContext.Current.CancellationToken))[0].Paper;

        var related = Hits(
            await demo.ExecuteAsync($$"""{ related(paperId: "{{dpo.Id}}", first: 3, by: [SEMANTIC]) { score paper { id title } reasons { kind value detail } } }"""),
            "related");

        Assert.Equal(3, related.Count);
        Assert.DoesNotContain(related, r => r.GetProperty("paper").GetProperty("id").GetString() == dpo.Id);
        // The two other papers about learning from preferences come first (the demo has "Preference Learning Without Preferences" too).
        var top2 = related.Take(2).Select(r => r.GetProperty("paper").GetProperty("title").GetString()!).ToList();
        Assert.Contains("Robust DPO: Preference Optimization with Noisy Labels", top2);
        Assert.All(top2, t => Assert.Contains("Preference", t, StringComparison.Ordinal));
        var reason = Assert.Single(related[0].GetProperty("reasons").EnumerateArray());
        Assert.Equal("SEMANTIC", reason.GetProperty("kind").GetString());
        Assert.InRange(reason.GetProperty("value").GetDouble(), 0.3, 1.0);
        Assert.Contains("cosine", reason.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reciprocal_rank_fusion_rewards_agreement_and_keeps_papers_found_by_one_list()
    {
        static SearchHit Hit(string id) => new(new Paper { Id = id, Title = id }, 0, id);
        SearchHit[] keyword = [Hit("a"), Hit("b"), Hit("c")];
        SearchHit[] semantic = [Hit("c"), Hit("d"), Hit("a")];

        var fused = PaperSearch.Fuse(keyword, semantic, 4);

        // a: 1/61 + 1/63; c: 1/63 + 1/61 (tie, by id); b: 1/62; d: 1/62.
        Assert.Equal(["a", "c", "b", "d"], fused.Select(h => h.Paper.Id));
        Assert.Equal(1.0 / 61 + 1.0 / 63, fused[0].Score, 1e-12);
        Assert.Equal("a", fused[0].Snippet);
    }
}
