using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// The stored confidence of an inferred citation is a conservative estimate of precision: the rule's raw probability
/// mapped through the lower bounds of the training bins (<see cref="LineageCalibration.ConservativeAnchors"/>).
/// </summary>
public sealed class ConservativeConfidenceTests
{
    [Fact]
    public void The_map_rises_with_the_raw_score_and_never_exceeds_the_lower_bound_of_its_bin()
    {
        var anchors = LineageCalibration.ConservativeAnchors;
        var previous = -1.0;
        for (var i = 0; i <= 1000; i++)
        {
            var raw = i / 1000.0;
            var value = LineageCalibration.Conservative(raw);
            Assert.True(value >= previous, $"not monotone at {raw}: {value} after {previous}");
            var bin = Enumerable.Range(1, anchors.Count - 1).First(k => raw <= anchors[k].Raw);
            Assert.True(value <= anchors[bin].Confidence + 1e-12, $"raw {raw}: {value} above its bin's bound {anchors[bin].Confidence}");
            Assert.InRange(value, 0, 1);
            previous = value;
        }

        // The bins' bounds, not their ratios: no confidence says "certain" (a raw 0.99 was 0.97 before the map, and 0.88
        // real on the later papers). The small top bin (27 of 28 real) is pooled with the one below, so everything from
        // the default threshold's raw 0.7 up is one bin whose bound is the highest confidence given.
        Assert.True(LineageCalibration.Conservative(0.99) < 0.8, $"top {LineageCalibration.Conservative(0.99)}");
        Assert.Equal((0.7, 1.0), (anchors[^2].Raw, anchors[^1].Raw));
        Assert.Equal(anchors[^1].Confidence, LineageCalibration.Conservative(1.0));
        Assert.All(anchors.Skip(1), a => Assert.True(a.Confidence < a.Raw, $"bound {a.Confidence} at raw {a.Raw} is not below it"));
        Assert.Equal(LineageCalibration.Conservative(0.7), LineageCalibration.DefaultThreshold);
        Assert.Equal(LineageCalibration.Conservative(0.5), LineageCalibration.WriteFloor);
    }

    [Fact]
    public void Every_citation_inferred_from_a_generated_corpus_carries_the_mapped_confidence_in_the_order_of_its_raw_score()
    {
        var papers = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 1_500, RefsPerPaper = 3, Seed = 5 }).Select(Parse).ToList();
        var (corpus, lineage) = LineageInputs.From(papers);
        var candidates = LineageInferrer.Candidates(lineage, corpus.TopicIndexOf, corpus.PaperTopics);

        var scored = candidates.Select(c => (Raw: LineageCalibration.RawConfidence(c.Signals), c.Citation.Confidence)).ToList();
        Assert.True(scored.Select(s => s.Raw).Distinct().Count() >= 5, $"{scored.Count} citations, too few distinct raw scores to judge the map");
        foreach (var (raw, stored) in scored)
        {
            // Applied: what is stored is the map of the raw score (rounded as the store keeps it), below the raw score.
            Assert.Equal(Math.Round(LineageCalibration.Conservative(Math.Min(raw, 0.99)), 3), stored, 6);
            Assert.True(stored < raw, $"stored {stored} not below raw {raw}");
        }

        var byRaw = scored.OrderBy(s => s.Raw).ToList();
        for (var i = 1; i < byRaw.Count; i++)
        {
            Assert.True(byRaw[i].Confidence >= byRaw[i - 1].Confidence, $"raw {byRaw[i].Raw} stored {byRaw[i].Confidence} below raw {byRaw[i - 1].Raw} stored {byRaw[i - 1].Confidence}");
        }
    }

    private static PaperText Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var words = new SortedDictionary<int, string>();
        foreach (var word in root.GetProperty("abstract_inverted_index").EnumerateObject())
        {
            foreach (var position in word.Value.EnumerateArray())
            {
                words[position.GetInt32()] = word.Name;
            }
        }

        return new PaperText
        {
            Id = root.GetProperty("id").GetString()!,
            Title = root.GetProperty("title").GetString()!,
            Abstract = string.Join(' ', words.Values),
            Published = root.GetProperty("publication_date").GetString(),
        };
    }
}
