using CiteGraph.Graph.Suggest;
using CiteGraph.Graph.Traversal;
using static CiteGraph.Graph.Tests.Suggest.MadeUpPapers;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>
/// <see cref="SuggestionFeature.GraphWalk"/> on a small real SQLite store: the asking paper (2020) shares words with two
/// earlier papers, one closely (near) and one loosely (far), which cite nothing. Each is cited by a paper of another
/// vocabulary (bridge), and each bridge cites a classic (also of other words). So no paper similar to the asking one cites a
/// classic: only a walk from the similar papers, back to the bridges that cite them and on to what the bridges cite,
/// reaches them, the near seed's classic more than the far seed's. The near seed cites one paper itself (direct): that
/// is cited-by-similar's evidence, which the walk does not count again. Unrelated filler papers keep the shared words rare
/// enough for TF-IDF.
/// </summary>
public sealed class GraphWalkTests : IAsyncLifetime
{
    private const string Asking = "2001.00001";
    private const string Near = "1801.00001";
    private const string Far = "1801.00002";
    private const string NearBridge = "1901.00001";
    private const string FarBridge = "1901.00002";
    private const string NearClassic = "1501.00001";
    private const string FarClassic = "1501.00002";
    private const string Later = "2101.00001";
    private const string LateClassic = "1501.00003";
    private const string Direct = "1601.00001";

    private MadeUpStore _papers = null!;

    public async ValueTask InitializeAsync()
    {
        _papers = await MadeUpStore.CreateAsync(
        [
            Record(Asking, "2020-01-01", "Zorblax quintary flembic estimation", "We estimate zorblax quintary flembic drovane systems with spectral glimmets."),
            Record(Near, "2018-01-01", "Zorblax quintary flembic drovane", "A study of zorblax quintary flembic drovane spectral glimmets."),
            Record(Far, "2018-01-01", "Zorblax notes", "Remarks on zorblax among many unrelated plimsor vextral gorrant skibble topics."),
            Record(NearBridge, "2019-01-01", "Troskel mirvane blentic", "Hulgory cadrix wembolt fyrrant quobble snarvel."),
            Record(FarBridge, "2019-01-01", "Poltric yandrel kestory", "Brumbix halvent dorquil zentary mossel."),
            Record(NearClassic, "2015-01-01", "Ambertine corvolis", "Delphane orvish quillet tamrin."),
            Record(FarClassic, "2015-01-01", "Ustrel vonnick", "Pellish garrow nimbette sorrel."),
            Record(Later, "2021-01-01", "Zorblax quintary flembic drovane revisited", "Zorblax quintary flembic drovane spectral glimmets again."),
            Record(LateClassic, "2015-01-01", "Wistrel pomgard", "Jandle fross tuvvet carnish."),
            Record(Direct, "2016-01-01", "Ostrel bindwick", "Marrow tessel quorth lindle."),
            .. Fillers(),
        ],
        [
            Cites(NearBridge, Near), Cites(NearBridge, NearClassic),
            Cites(Near, Direct),
            Cites(FarBridge, Far), Cites(FarBridge, FarClassic),

            // A later paper's citations: invisible to the asking paper held out, visible live.
            Cites(Later, Near), Cites(Later, LateClassic),
        ]);
    }

    public ValueTask DisposeAsync() => _papers.DisposeAsync();

    [Fact]
    public void The_walk_reaches_classics_two_citations_away_that_no_similar_paper_cites_ranked_by_seed_similarity()
    {
        var candidates = SuggestionEngine.Candidates(_papers.Corpus, Index(Asking), SuggestionScope.HeldOut).ToDictionary(c => c.Paper);

        var near = candidates[Index(NearClassic)].Features;
        var far = candidates[Index(FarClassic)].Features;

        // No similar paper cites either classic, and neither shares a word with the asking paper: only the walk finds them.
        Assert.All(new[] { near, far }, f => Assert.Equal((0f, 0f), (f[(int)SuggestionFeature.CitedBySimilar], f[(int)SuggestionFeature.KeyTerms])));
        Assert.True(far[(int)SuggestionFeature.GraphWalk] > 0, "the far seed's classic is reached");
        Assert.True(near[(int)SuggestionFeature.GraphWalk] > far[(int)SuggestionFeature.GraphWalk], "the closer seed's classic gets more of the walk");
    }

    [Fact]
    public void The_walk_counts_what_lies_beyond_what_similar_papers_cite()
    {
        var candidates = SuggestionEngine.Candidates(_papers.Corpus, Index(Asking), SuggestionScope.HeldOut).ToDictionary(c => c.Paper);

        var direct = candidates[Index(Direct)].Features;
        var classic = candidates[Index(NearClassic)].Features;

        // What the near seed cites is cited-by-similar's; the walk's first step, which reaches it, is not counted.
        Assert.True(direct[(int)SuggestionFeature.CitedBySimilar] > 0);
        Assert.Equal(0f, classic[(int)SuggestionFeature.CitedBySimilar]);
        Assert.True(classic[(int)SuggestionFeature.GraphWalk] > direct[(int)SuggestionFeature.GraphWalk],
            $"classic {classic[(int)SuggestionFeature.GraphWalk]} against the seed's own reference {direct[(int)SuggestionFeature.GraphWalk]}");
    }

    [Fact]
    public void The_walk_alone_suggests_the_classic_with_its_reason()
    {
        var suggestions = SuggestionEngine.Suggest(_papers.Corpus, Index(Asking), 5, SuggestionWeights.Only(SuggestionFeature.GraphWalk), SuggestionScope.HeldOut);

        var classic = Assert.Single(suggestions, s => s.Paper == Index(NearClassic));
        Assert.Equal(RelatedBy.PersonalizedPageRank, Assert.Single(classic.Reasons).Kind);
        Assert.Contains("walk over citations", classic.Reasons[0].Detail, StringComparison.Ordinal);
        Assert.True(classic.Score > suggestions.Single(s => s.Paper == Index(FarClassic)).Score);
    }

    [Fact]
    public void A_held_out_paper_walks_only_over_citations_made_before_it()
    {
        // The 2021 paper cites the near seed and a classic of its own: held out, that citation is hidden; live, the walk
        // goes from the seed to the 2021 paper and on to its classic.
        var heldOut = SuggestionEngine.Candidates(_papers.Corpus, Index(Asking), SuggestionScope.HeldOut).ToDictionary(c => c.Paper);
        var live = SuggestionEngine.Candidates(_papers.Corpus, Index(Asking), SuggestionScope.Live).ToDictionary(c => c.Paper);

        var lateClassic = Index(LateClassic);
        // Held out it is not even a candidate: nothing the paper may see names it (not a later paper's citations either).
        Assert.False(heldOut.TryGetValue(lateClassic, out var hidden) && hidden.Features[(int)SuggestionFeature.GraphWalk] > 0);
        Assert.True(live[lateClassic].Features[(int)SuggestionFeature.GraphWalk] > 0);
    }

    private int Index(string arxiv) => _papers.Index(arxiv);
}
