using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// The phrase rule's evidence beyond the phrase's rarity: whether the cited paper was the first to write the phrase, how
/// many earlier papers the citing paper's rare phrases point to, and the model with embeddings weighing them.
/// </summary>
public sealed class PhraseEvidenceTests
{
    private static PaperText Paper(string id, string title, string text, string published) => new() { Id = id, Title = title, Abstract = text, Published = published };

    private const string Text = "We route messages along a sparse lattice attention pattern over the nodes of a graph.";

    // Two papers titled alike, a year apart, with the same abstract; a third, later, writes their phrase. 200 papers
    // of their own words around them, so that a phrase three papers write counts as rare (at most 2% of the corpus).
    private static List<(Citation Citation, LineageSignals Signals)> Candidates()
    {
        var papers = new List<PaperText>
        {
            Paper("first", "Sparse lattice attention", Text, "2014-01-01"),
            Paper("second", "Sparse lattice attention", Text, "2015-01-01"),
            Paper("later", "Message passing on molecules", "Following sparse lattice attention, we pass messages between atoms of a graph.", "2016-06-01"),
        };
        papers.AddRange(Enumerable.Range(0, 200).Select(i => Paper($"filler{i}", $"Filler q{i}x", $"Nothing shared by paper z{i}y.", "2013-01-01")));
        var (corpus, lineage) = LineageInputs.From(papers);
        // The three papers have the same vector (cosine 1, past the gate); the fillers none.
        float[]?[] vectors = [.. papers.Select(p => p.Id.StartsWith("filler", StringComparison.Ordinal) ? null : new float[] { 1, 0 })];
        return LineageInferrer.Candidates(lineage, corpus.TopicIndexOf, corpus.PaperTopics, semantic: new EmbeddingSimilarity(vectors));
    }

    [Fact]
    public void The_first_paper_to_write_a_phrase_has_no_earlier_writer_and_counts_for_more_than_a_later_title_holding_it()
    {
        var phrase = Candidates().Where(c => c.Signals.Rule == "phrase").ToDictionary(c => (c.Citation.From, c.Citation.To));

        var toFirst = phrase[("later", "first")];
        var toSecond = phrase[("later", "second")];
        Assert.Equal(0, toFirst.Signals.Earlier);
        Assert.Equal(1, toSecond.Signals.Earlier);
        // The later paper's rare phrases point to two earlier papers; the second paper's to one.
        Assert.Equal(2, toFirst.Signals.Proposed);
        Assert.Equal(2, toSecond.Signals.Proposed);
        Assert.Equal(1, phrase[("second", "first")].Signals.Proposed);

        // Same words, same vectors, same phrase: only being first differs.
        Assert.Equal(toFirst.Signals.Semantic, toSecond.Signals.Semantic);
        Assert.Equal(toFirst.Signals.Similarity, toSecond.Signals.Similarity, 9);
        Assert.True(toFirst.Citation.Confidence > toSecond.Citation.Confidence, $"first {toFirst.Citation.Confidence}, second {toSecond.Citation.Confidence}");
    }

    [Fact]
    public void A_paper_of_the_same_month_or_one_sharing_phrases_with_many_earlier_papers_counts_for_less()
    {
        var signals = new LineageSignals("phrase", Users: 3, Order: 1, Similarity: 0.3, Semantic: 0.75, Proposed: 1);

        var alone = LineageCalibration.RawConfidence(signals);
        var sameMonth = LineageCalibration.RawConfidence(signals with { Order = 0 });
        var crowded = LineageCalibration.RawConfidence(signals with { Proposed = 8 });
        var notFirst = LineageCalibration.RawConfidence(signals with { Earlier = 2 });

        Assert.True(sameMonth < alone, $"same month {sameMonth} vs {alone}");
        Assert.True(crowded < alone, $"eight proposals {crowded} vs {alone}");
        Assert.True(notFirst < alone, $"two earlier writers {notFirst} vs {alone}");
    }
}
