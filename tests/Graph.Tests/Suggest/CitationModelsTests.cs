using System.Globalization;
using CiteGraph.Graph.Suggest;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class CitationModelsTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    [Fact]
    public async Task A_held_out_paper_uses_models_learned_only_from_citations_made_before_its_year()
    {
        var corpus = await SuggestionCorpus.BuildAsync(fields.Store, fields.Snapshot, new PlaneVectors(fields.Snapshot.PaperCount), TestContext.Current.CancellationToken);
        var paper = fields.Index(FieldCorpus.TrapCiting);
        var weights = SuggestionWeights.Only(SuggestionFeature.CitationSemantic);

        var heldOut = SuggestionEngine.Suggest(corpus, paper, 3, weights, SuggestionScope.HeldOut);
        var live = SuggestionEngine.Suggest(corpus, paper, 3, weights, SuggestionScope.Live);

        // Held out (a 2019 paper), the map has seen the citations of 2016–2018 only; live, every citation, its own too.
        Assert.Equal(Citations(corpus, before: 2019), Learned(heldOut));
        Assert.Equal(Citations(corpus, before: null), Learned(live));
        Assert.True(Citations(corpus, before: 2019) < Citations(corpus, before: null));
        var frozen = SuggestionEngine.Candidates(corpus, paper, SuggestionScope.HeldOut, graphBefore: 2017);
        Assert.Contains(frozen, c => c.Features[(int)SuggestionFeature.CitationSemantic] > 0);
        Assert.Equal(Citations(corpus, before: 2017), corpus.ModelsBefore(2017).Projection!.Pairs);
        Assert.Equal(Citations(corpus, before: 2017), corpus.ModelsBefore(2017).Association!.Pairs);
    }

    [Fact]
    public async Task Reasons_name_associated_terms_the_candidate_really_uses()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var text in fields.Store.ReadPaperTextsAsync(TestContext.Current.CancellationToken))
        {
            texts[text.Id] = (text.Title + " " + text.Abstract).ToLowerInvariant();
        }

        var paper = fields.Index(FieldCorpus.Arxiv(2, 2019, 6));

        var suggestions = SuggestionEngine.Suggest(fields.Corpus, paper, 2, SuggestionWeights.Only(SuggestionFeature.TermAssociation), SuggestionScope.HeldOut);

        Assert.NotEmpty(suggestions);
        foreach (var suggestion in suggestions)
        {
            var reason = Assert.Single(suggestion.Reasons, r => r.Kind == RelatedBy.TermAssociation);
            var terms = reason.Detail["its terms ".Length..reason.Detail.IndexOf(" go with", StringComparison.Ordinal)].Split(", ");
            Assert.NotEmpty(terms);
            var candidate = texts[fields.Snapshot.PaperId(suggestion.Paper)];
            Assert.All(terms, t => Assert.All(t.Split(' '), w => Assert.Contains(w, candidate, StringComparison.Ordinal)));
        }
    }

    /// <summary>Explicit citations whose citing paper is dated before <paramref name="before"/>, counted from the snapshot.</summary>
    private static int Citations(SuggestionCorpus corpus, int? before)
    {
        var count = 0;
        for (var p = 0; p < corpus.Snapshot.PaperCount; p++)
        {
            if (before is null || corpus.Months[p].Year < before)
            {
                count += corpus.Snapshot.Citations.OutNeighbors(p).Length;
            }
        }

        return count;
    }

    private static int Learned(IReadOnlyList<RelatedResult> suggestions)
    {
        var detail = suggestions.SelectMany(s => s.Reasons).First(r => r.Kind == RelatedBy.CitationSemantic).Detail;
        var from = detail.IndexOf("learned from ", StringComparison.Ordinal) + "learned from ".Length;
        return int.Parse(detail[from..detail.IndexOf(" citations", from, StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    /// <summary>Unit vectors in a plane, paper i at angle i / 1000 radians: every paper has one, so every citation can be learned from.</summary>
    private sealed class PlaneVectors(int papers) : ISemanticNeighbours
    {
        public IReadOnlyList<(int Paper, float Similarity)> Nearest(int paper, int k) =>
            Enumerable.Range(0, papers).Where(p => p != paper).Select(p => (p, Similarity(paper, p)!.Value))
                .OrderByDescending(p => p.Item2).Take(k).ToList();

        public float? Similarity(int a, int b) => (float)Math.Cos((a - b) / 1000.0);

        public ReadOnlyMemory<float>? Vector(int paper) => new float[] { (float)Math.Cos(paper / 1000.0), (float)Math.Sin(paper / 1000.0) };
    }
}
