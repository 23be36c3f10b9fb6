using CiteGraph.Graph.Suggest;
using CiteGraph.Graph.Traversal;
using static CiteGraph.Graph.Tests.Suggest.MadeUpPapers;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>
/// <see cref="SuggestionFeature.ItemBias"/> on a small real SQLite store: four earlier papers on one subject each cite a
/// classic of other words, while a paper of their very words (the decoy) tops each of their held-out rankings and is cited
/// by none of them. A paper of 2021 cites the decoy: the asking paper (2020) must not learn that.
/// </summary>
public sealed class ItemCalibrationTests : IAsyncLifetime
{
    private const string Asking = "2003.00001";
    private const string Decoy = "1601.00001";
    private const string Classic = "1501.00001";
    private const string Later = "2101.00001";
    private static readonly string[] Earlier = ["1701.00001", "1706.00001", "1801.00001", "1806.00001"];

    private MadeUpStore _papers = null!;

    public async ValueTask InitializeAsync()
    {
        string[] variants = ["drovane", "glimmet", "spectral", "vextral"];
        _papers = await MadeUpStore.CreateAsync(
        [
            Record(Asking, "2020-03-01", "Zorblax quintary flembic estimation", "We estimate zorblax quintary flembic systems."),
            Record(Decoy, "2016-01-01", "Zorblax quintary flembic systems", "Zorblax quintary flembic systems and their estimation."),
            Record(Classic, "2015-01-01", "Ambertine corvolis", "Delphane orvish quillet tamrin."),
            Record(Later, "2021-01-01", "Zorblax quintary flembic again", "Zorblax quintary flembic systems once more."),
            .. Earlier.Select((id, i) => Record(id, $"20{id[..2]}-{id[2..4]}-01", $"Zorblax quintary flembic {variants[i]}", $"On zorblax quintary flembic {variants[i]} systems.")),
            .. Fillers(),
        ],
        [.. Earlier.Select(e => Cites(e, Classic)), Cites(Later, Decoy)]);
    }

    public ValueTask DisposeAsync() => _papers.DisposeAsync();

    [Fact]
    public void A_paper_cited_more_often_than_earlier_rankings_expected_gains_and_one_ranked_high_but_never_cited_loses()
    {
        var bias = _papers.Corpus.CalibrationBefore(null).For(_papers.Corpus.Months[Index(Asking)]);

        Assert.True(bias[Index(Classic)] > ItemCalibration.Neutral, $"classic {bias[Index(Classic)]}");
        Assert.True(bias[Index(Decoy)] < ItemCalibration.Neutral, $"decoy {bias[Index(Decoy)]}");
    }

    [Fact]
    public void A_held_out_paper_learns_only_from_papers_strictly_before_it()
    {
        var calibration = _papers.Corpus.CalibrationBefore(null);
        var asking = calibration.For(_papers.Corpus.Months[Index(Asking)]);
        var live = calibration.For(null);

        // The 2021 paper cites the decoy: the whole graph knows it, the paper of 2020 does not.
        Assert.Equal(Earlier.Length + 1, calibration.Papers);
        Assert.True(live[Index(Decoy)] > asking[Index(Decoy)], $"live {live[Index(Decoy)]} against held out {asking[Index(Decoy)]}");

        // A frozen graph (the weight fit's): only papers dated before 2018 ask, so two lists, and the classic's case is weaker.
        var frozen = _papers.Corpus.CalibrationBefore(2018);
        Assert.Equal(2, frozen.Papers);
        Assert.True(frozen.For(_papers.Corpus.Months[Index(Asking)])[Index(Classic)] < asking[Index(Classic)]);
    }

    [Fact]
    public void The_feature_alone_suggests_the_under_suggested_classic_with_its_reason()
    {
        var suggestions = SuggestionEngine.Suggest(_papers.Corpus, Index(Asking), 3, SuggestionWeights.Only(SuggestionFeature.ItemBias), SuggestionScope.HeldOut);

        var top = suggestions[0];
        Assert.Equal(Index(Classic), top.Paper);
        var reason = Assert.Single(top.Reasons);
        Assert.Equal(RelatedBy.Popularity, reason.Kind);
        Assert.Contains("earlier papers cited it", reason.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(suggestions, s => s.Paper == Index(Decoy));
    }

    [Fact]
    public async Task The_live_graph_uses_its_calibration_once_measured_in_the_background()
    {
        var calibration = await _papers.Corpus.LiveCalibrationAsync();

        var live = SuggestionEngine.Candidates(_papers.Corpus, Index(Asking), SuggestionScope.Live).ToDictionary(c => c.Paper);

        Assert.Same(calibration, _papers.Corpus.LiveCalibrationIfReady());
        Assert.Equal(Earlier.Length + 1, calibration.Papers);
        Assert.True(live[Index(Classic)].Features[(int)SuggestionFeature.ItemBias] > live[Index(Decoy)].Features[(int)SuggestionFeature.ItemBias]);
    }

    private int Index(string arxiv) => _papers.Index(arxiv);
}
