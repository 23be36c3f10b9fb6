using CiteGraph.Loaders.Lineage;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// The gate makes the cited papers' term vectors up front (<see cref="TermSimilarity.Prepare"/>) instead of making them
/// again whenever its cache has lost them: every similarity must be exactly what the measure made on demand gives, for
/// prepared papers, unprepared ones and pairs of both, in any order of asking.
/// </summary>
public sealed class TermSimilarityTests
{
    // Stop words and numbers, which the vectors leave out.
    private static readonly string[] Glue = ["the", "of", "2024", "with"];

    [Fact]
    public void Prepared_vectors_give_exactly_the_similarities_made_on_demand()
    {
        var random = new Random(7);
        var papers = Enumerable.Range(0, 3_000).Select(i => new LineagePaper
        {
            Id = $"p{i}",
            Title = $"paper {i}",
            Text = string.Join(' ', Enumerable.Range(0, random.Next(5, 60)).Select(_ => random.Next(8) == 0 ? Glue[random.Next(Glue.Length)] : RandomWording.Words[random.Next(RandomWording.Words.Length)])) + $" unique{i}",
        }).ToList();
        var onDemand = new TermSimilarity(papers);
        var prepared = new TermSimilarity(papers);
        prepared.Prepare(Enumerable.Range(0, papers.Count).Where(i => i % 3 != 0).Reverse());

        var pairs = Enumerable.Range(0, 20_000).Select(_ => (random.Next(papers.Count), random.Next(papers.Count))).ToList();
        var expected = pairs.Select(p => onDemand.Similarity(p.Item1, p.Item2)).ToList();
        var actual = pairs.Select(p => prepared.Similarity(p.Item1, p.Item2)).ToList();

        Assert.Equal(expected, actual);
        Assert.Contains(expected, s => s is > 0 and < 1);
    }
}
