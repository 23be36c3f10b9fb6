namespace CiteGraph.GraphQL.Tests.Semantic;

/// <summary>Semantic search on real papers: the issue's query, whose words the DPO papers do not all use.</summary>
public sealed class HfSemanticSearchTests(HfVectorsFixture hf, ITestOutputHelper output) : IClassFixture<HfVectorsFixture>
{
    [Fact]
    public async Task Aligning_with_human_preferences_without_a_reward_model_finds_the_DPO_family_in_the_top_5()
    {
        output.WriteLine($"{hf.Embedded} papers embedded: {hf.DpoFamily} of the DPO family, {hf.HardDistractors} other RLHF / reward-model papers");
        Assert.True(hf.HardDistractors >= 100, $"only {hf.HardDistractors} hard distractors");
        Assert.True(hf.Embedded >= 5 * hf.DpoFamily, $"{hf.DpoFamily} DPO-family papers among {hf.Embedded}");

        var response = await hf.ExecuteAsync(
            """{ search(text: "aligning language models with human preferences without a reward model", first: 5, mode: SEMANTIC) { score paper { title abstract } } }""");

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        var top = response.GetProperty("data").GetProperty("search").EnumerateArray()
            .Select(h => (Title: h.GetProperty("paper").GetProperty("title").GetString()!, Abstract: h.GetProperty("paper").GetProperty("abstract").GetString(), Score: h.GetProperty("score").GetDouble()))
            .ToList();
        foreach (var (title, @abstract, score) in top)
        {
            output.WriteLine($"{score:0.000} {(HfVectorsFixture.IsDpoFamily(title, @abstract) ? "DPO" : "   ")} {title}");
        }

        Assert.Equal(5, top.Count);
        var dpo = top.Count(t => HfVectorsFixture.IsDpoFamily(t.Title, t.Abstract));
        Assert.True(dpo >= 1, "no DPO-family paper in the top 5");
        // Far above chance: the DPO family is a minority of what was embedded.
        Assert.True(dpo / 5.0 > 2.0 * hf.DpoFamily / hf.Embedded, $"{dpo} of 5 vs a base rate of {hf.DpoFamily} in {hf.Embedded}");
    }
}
