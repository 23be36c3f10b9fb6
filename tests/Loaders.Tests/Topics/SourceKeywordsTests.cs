using CiteGraph.Loaders.Formats.HuggingFace;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Topics;

public sealed class SourceKeywordsTests
{
    [Fact]
    public async Task Hugging_Face_ai_keywords_become_keywords_and_topic_candidates()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/daily_papers.json"));
        var paper = results[0].Record!;

        Assert.Equal(["sparse attention", "DPO", "long documents"], paper.Keywords);
        Assert.Empty(results[1].Record!.Keywords); // the 2024 entry has no ai_keywords

        var extraction = TopicExtractor.Extract(paper.Title, paper.Abstract, paper.Keywords);
        Assert.Contains(extraction.Candidates, c => c.Surface == "sparse attention" && c.IsKeyword);
        Assert.True(extraction.AcronymUses.GetValueOrDefault("DPO") >= 1); // the keyword, and the abstract if it names DPO
    }
}
