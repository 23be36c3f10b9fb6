using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Lineage;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// The gate judges the proposals pair by pair (sorted by citing and cited paper) and makes a citation only for each
/// pair's winner: it must keep exactly what the dictionary of every rule's best proposal followed by
/// <see cref="LineageInferrer.OnePerPair"/> kept — the same citations, evidence, signals and order — on random proposals
/// with several rules a pair, ties within a rule and across rules, proposals the gate stops, and quoted titles beside
/// more confident phrases.
/// </summary>
public sealed class PairGateTests
{
    private static readonly string[] Rules = ["arxiv", "doi", "method", "et-al", "title", "title-name", "phrase"];

    /// <summary>Words' similarity fixed per pair (either order), on a coarse grid so that some pairs fall below a rule's floor.</summary>
    private sealed class GridSimilarity(int seed) : ILineageSimilarity
    {
        private static readonly double[] Grid = [0, 0.03, 0.08, 0.12, 0.25, 0.5, 0.9];

        public string Name => "grid";

        // A fixed mix, not HashCode.Combine: that one is seeded anew in every process, and the cases the test asserts the
        // proposals hold (a title outranked by a phrase of the same pair) then came and went from run to run.
        public double Similarity(int a, int b)
        {
            var key = ((ulong)(uint)Math.Min(a, b) << 32 | (uint)Math.Max(a, b)) ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
            key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9UL;
            key = (key ^ (key >> 27)) * 0x94D049BB133111EBUL;
            return Grid[(int)((key ^ (key >> 31)) % (ulong)Grid.Length)];
        }
    }

    private static (List<LineagePaper> Papers, int[][] Topics, EmbeddingSimilarity Semantic) Corpus(int count, Random random)
    {
        var papers = Enumerable.Range(0, count).Select(i => new LineagePaper
        {
            Id = $"p{i}",
            Title = $"Paper {i}",
            Text = $"Paper {i}.",
            Date = random.Next(5) == 0 ? null : new PartialDate(2015 + random.Next(6), 1 + random.Next(12), null),
        }).ToList();
        var topics = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 6).Where(_ => random.Next(3) == 0).ToArray()).ToArray();
        // A third of the papers have no vector: their pairs fall back to the words' similarity ("no embedding").
        var vectors = Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? null : Vector(random)).ToList();
        return (papers, topics, new EmbeddingSimilarity(vectors));
    }

    private static float[] Vector(Random random)
    {
        var angle = random.Next(8) * Math.PI / 16;
        return [(float)Math.Cos(angle), (float)Math.Sin(angle)];
    }

    private static LineageProposals Proposals(int papers, int count, Random random)
    {
        var pairs = Enumerable.Range(0, count / 3).Select(_ => (From: random.Next(papers), To: random.Next(papers))).ToList();
        // A few shapes of signals per rule, so that a rule's proposals of a pair often tie on confidence.
        var shapes = Rules.ToDictionary(r => r, r => Enumerable.Range(0, 3).Select(_ => new LineageSignals(
            r, Claim: random.Next(5), Use: random.Next(3), Agrees: random.Next(2) == 0, Users: 1 + random.Next(30), Earlier: random.Next(3),
            Definers: random.Next(4), Order: random.Next(3) == 0 ? 1 : null, TitleWords: 2 + random.Next(6), Proposed: 1 + random.Next(4))).ToArray());
        var proposals = new LineageProposals();
        for (var i = 0; i < count; i++)
        {
            var (from, to) = pairs[random.Next(pairs.Count)];
            var rule = Rules[random.Next(Rules.Length)];
            proposals.Add(from, to, $"{rule}: match {i}", shapes[rule][random.Next(3)]);
        }

        return proposals;
    }

    [Theory]
    [InlineData(60, 600, 1)]
    [InlineData(300, 3000, 2)]
    [InlineData(1000, 12000, 3)]
    public void Keeps_exactly_what_the_dictionary_of_every_rules_best_kept(int paperCount, int proposalCount, int seed)
    {
        var random = new Random(seed);
        var (papers, topics, semantic) = Corpus(paperCount, random);
        var proposals = Proposals(paperCount, proposalCount, random);
        var similarity = new GridSimilarity(seed);

        var expected = LineageInferrer.OnePerPair(DictionaryJudge(papers, topics, proposals, similarity, semantic));
        var actual = LineageInferrer.Judge(papers, topics, proposals, similarity, semantic);

        Assert.Equal(expected, actual);
        Assert.Equal(
            expected.Where(c => c.Citation.Confidence >= 0.5).Select(c => c.Citation),
            LineageInferrer.Citations(papers, topics, proposals, 0.5, similarity, semantic));
        // The random proposals hold the cases the choice turns on.
        var everyRule = LineageInferrer.Judge(papers, topics, proposals, similarity, semantic, keepGated: true);
        var byPair = everyRule.GroupBy(c => (c.Citation.From, c.Citation.To)).ToList();
        Assert.Contains(everyRule, c => c.Citation.Confidence == 0);
        Assert.Contains(byPair, p => p.Count(c => c.Citation.Confidence > 0 && c.Citation.Confidence == p.Max(m => m.Citation.Confidence)) >= 2);
        Assert.Contains(byPair, p => p.Any(c => c.Signals.Rule == "title" && c.Citation.Confidence > 0) &&
            p.Any(c => c.Signals.Rule == "phrase" && c.Citation.Confidence > p.Single(t => t.Signals.Rule == "title").Citation.Confidence));
        Assert.Contains(actual, c => c.Citation.Evidence!.Contains("no embedding", StringComparison.Ordinal));
    }

    [Fact]
    public void Draining_keeps_the_same_citations_and_lets_go_of_the_proposals()
    {
        var random = new Random(4);
        var (papers, topics, semantic) = Corpus(200, random);
        var kept = Proposals(200, 2000, new Random(5));
        var drained = Proposals(200, 2000, new Random(5));
        var involved = drained.Papers.Order().ToList();

        var expected = LineageInferrer.Judge(papers, topics, kept, new GridSimilarity(4), semantic);
        var actual = LineageInferrer.Judge(papers, topics, drained, new GridSimilarity(4), semantic, drain: true);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Empty(drained.Items);
        Assert.Equal(involved, drained.Papers.Order());
        var again = Proposals(200, 2000, new Random(5));
        Assert.Equal(expected.Select(c => c.Citation), LineageInferrer.Citations(papers, topics, again, 0, new GridSimilarity(4), semantic, drain: true));
        Assert.Empty(again.Items);
    }

    /// <summary>Main's gate before this change (a dictionary of every rule's best proposal of each pair), kept as the reference.</summary>
    private static List<(Citation Citation, LineageSignals Signals)> DictionaryJudge(
        IReadOnlyList<LineagePaper> papers, IReadOnlyList<int[]> paperTopics, LineageProposals proposals, ILineageSimilarity similarity, EmbeddingSimilarity? semantic)
    {
        var topicSimilarity = new TopicSimilarity(paperTopics);
        var best = new Dictionary<(int From, int To, string Rule), (Citation Citation, LineageSignals Signals)>();
        foreach (var (from, to, evidence, proposed) in proposals.Items)
        {
            var sim = similarity.Similarity(from, to);
            double? sem = semantic is not null && semantic.Covers(from, to) ? semantic.Similarity(from, to) : null;
            var signals = proposed with { Similarity = sim, Semantic = sem, TopicSimilarity = topicSimilarity.Similarity(from, to), Order = proposed.Order ?? LineagePaper.Compare(papers[from].Date, papers[to].Date) };
            if (!LineageCalibration.PassesGate(signals))
            {
                continue;
            }

            var confidence = Math.Round(Math.Clamp(LineageCalibration.Confidence(signals), 0, 0.99), 3);
            var measured = sem is { } e ? FormattableString.Invariant($"embedding similarity {e:0.00}, {similarity.Name} {sim:0.00}")
                : FormattableString.Invariant($"{similarity.Name} similarity {sim:0.00}") + (semantic is null ? "" : ", no embedding");
            var citation = new Citation(papers[from].Id, papers[to].Id, CitationKind.Inferred, confidence, $"{evidence} [{measured}]");
            if (!best.TryGetValue((from, to, signals.Rule), out var seen) || seen.Citation.Confidence < citation.Confidence)
            {
                best[(from, to, signals.Rule)] = (citation, signals);
            }
        }

        return [.. best.OrderBy(b => b.Key.From).ThenBy(b => b.Key.To).Select(b => b.Value)];
    }
}
