#:project ../../src/Graph/Graph.csproj
#:project ../../src/Graph.Sqlite/Graph.Sqlite.csproj
#:property PublishAot=false
// Judges candidate suggestion signals forward in time before any is built into the engine (issue 15, branch suggest10):
// the weights are fitted (coordinate search on recall@10, as SuggestionWeightFit does) on the rolling lists of 2012–2017
// (each paper seeing the citations made before its year, and a second list before the year before) and judged on the
// 2018–2019 papers with the graph before 2018; and, beside it, 2-fold cross-validated by paper on 2018–2019 (the folds
// of eval-suggest --cv-folds 2). Nothing of 2020 on is read. Each feature set is main's served set before suggest10 plus
// the columns named: an engine feature (+GraphWalk, as served since suggest10) or an extra column computed here from the
// same candidates (SuggestionEngine.Candidates, the same pool):
//   walk-out, walk-both, walk-both23: a walk with restart over the visible citation graph seeded by the paper's nearest
//     papers by meaning and by key terms (each seed weighted by its similarity cubed); out = only towards what a paper
//     cites, both = also towards the papers citing it; mass at steps 1–3 (23: steps 2–3 only), restart 0.5 per step.
//   sqrt-*: the square root of a scaled graph feature (a concave vote: a second similar paper's vote counts less).
//   z-*: a text feature as per-paper z-score over the pool instead of the share of the best candidate's.
//   rank-*: 1 / (60 + rank) under one feature (reciprocal-rank fusion's term, but weighted by the fit).
// usage: dotnet run -c Release bench/tools/suggest-forward.cs -- DB TRUTH.tsv [--walks "both:50:0.5:3:1;…"] [SET …]
//   (SET: +walk-both,+sqrt-cited-by-similar …; '' = the served set alone; a --walks column is named walk:SPEC)
using System.Globalization;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Suggest;

const int K = 10;
const int Seeds = 50;
const float Restart = 0.5f;
await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = args[0] });
await store.InitializeAsync();
var snapshot = await new SnapshotHolder(store).RebuildAsync();
var corpus = await SuggestionCorpus.BuildAsync(store, snapshot);
var truth = await SuggestionTruth.ReadAsync(store, snapshot, args[1]);
var rest = args[2..].ToList();
// Walk variants as extra columns "walk:MODE:SEEDS:RESTART:POWER:FIRST" (MODE out or both; FIRST the first step counted), ';'-separated.
var wi = rest.IndexOf("--walks");
var walkSpecs = wi >= 0 ? rest[wi + 1].Split(';').ToList() : [];
if (wi >= 0)
{
    rest.RemoveRange(wi, 2);
}

var sets = rest.Count > 0 ? rest.ToArray() : [""];

var featureCount = Enum.GetValues<SuggestionFeature>().Length;
string[] extraNames = [.. walkSpecs.Select(w => "walk:" + w), "walk-out", "walk-both", "walk-both23", "sqrt-cited-by-similar", "sqrt-co-citation", "sqrt-coupling", "z-key-terms", "z-semantic", "rank-key-terms", "rank-semantic", "rank-cited-by-similar"];
var columns = Enum.GetValues<SuggestionFeature>().Select(f => f.ToString()).Concat(extraNames).ToArray();
SuggestionFeature[] served = [SuggestionFeature.KeyTerms, SuggestionFeature.Semantic, SuggestionFeature.CoTopic, SuggestionFeature.CitedBySimilar,
    SuggestionFeature.Popularity, SuggestionFeature.CoCitation, SuggestionFeature.Coupling, SuggestionFeature.DirectCitation, SuggestionFeature.Recency];
var computed = SuggestionWeights.From(Enum.GetValues<SuggestionFeature>()
    .Where(f => f is not (SuggestionFeature.CitationSemantic or SuggestionFeature.TermAssociation)).ToDictionary(f => f, _ => 1.0));

var late = SuggestionEvaluation.Citing(corpus, truth, new YearRange(2018, 2019)).Select(p => (p, 2018)).ToList();
var early = SuggestionEvaluation.Citing(corpus, truth, new YearRange(2012, 2017))
    .SelectMany(p => new[] { (p, corpus.Months[p].Year!.Value), (p, corpus.Months[p].Year!.Value - 1) }).ToList();
var started = DateTime.UtcNow;
var lateLists = Lists(late);
var earlyLists = Lists(early).Where(l => l.Rows.Any(r => l.Known.Contains(r.Paper))).ToArray(); // a list with no reference in its pool teaches nothing
Console.WriteLine($"{earlyLists.Length} early lists (2012-2017), {lateLists.Length} late (2018-2019, graph before 2018); candidates in {(DateTime.UtcNow - started).TotalSeconds:0} s");

// GraphWalk (the engine's, as served) must equal walk-both23 (this tool's, judged first): checked on every row.
var (g, b23) = ((int)SuggestionFeature.GraphWalk, featureCount + Array.IndexOf(extraNames, "walk-both23"));
var differ = lateLists.Concat(earlyLists).SelectMany(l => l.Rows).Count(r => Math.Abs(r.X[g] - r.X[b23]) > 1e-5);
Console.WriteLine($"rows where the engine's GraphWalk differs from walk-both23: {differ}");

foreach (var set in sets)
{
    var allowed = served.Select(f => (int)f).Concat(set.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Column)).ToArray();
    var (forwardWeights, _) = FitOn(earlyLists, allowed);
    var forward = Measure(lateLists, forwardWeights);
    double cvRecall = 0, cvMrr = 0;
    var foldWeights = new List<double[]>();
    for (var fold = 0; fold < 2; fold++)
    {
        var f = fold;
        var (w, _) = FitOn(lateLists.Where((_, i) => i % 2 != f).ToArray(), allowed);
        var heldOut = lateLists.Where((_, i) => i % 2 == f).ToArray();
        var (r, m) = Measure(heldOut, w);
        cvRecall += r * heldOut.Length;
        cvMrr += m * heldOut.Length;
        foldWeights.Add(w);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"served{set}: forward recall@10 {forward.Recall:0.0000} MRR {forward.Mrr:0.0000} [{Show(forwardWeights)}]; 2-fold CV recall@10 {cvRecall / lateLists.Length:0.0000} MRR {cvMrr / lateLists.Length:0.0000} [{string.Join(" | ", foldWeights.Select(Show))}]"));
}

return 0;

int Column(string spec)
{
    var name = spec.TrimStart('+');
    if (Enum.TryParse<SuggestionFeature>(name, out var feature))
    {
        return (int)feature; // a feature of the engine beyond the served set (GraphWalk)
    }

    var at = Array.IndexOf(extraNames, name);
    return at >= 0 ? featureCount + at : throw new ArgumentException($"unknown column {name}; known: {string.Join(", ", extraNames)}");
}

string Show(double[] w) => string.Join(", ", w.Select((v, i) => (v, i)).Where(x => x.v > 0).Select(x => string.Create(CultureInfo.InvariantCulture, $"{columns[x.i]}={x.v:0.###}")));

List[] Lists(List<(int Paper, int Before)> instances)
{
    var lists = new List[instances.Count];
    Parallel.For(0, instances.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
    {
        var (p, before) = instances[i];
        var candidates = SuggestionEngine.Candidates(corpus, p, SuggestionScope.HeldOut, before, computed);
        var extra = ExtraColumns(p, before, candidates);
        lists[i] = new List(candidates.Select(c => new Row(c.Paper, Extend(c, extra))).ToArray(), truth.References[p]);
    });
    return lists;
}

// One candidate's row: its features, then the extra columns.
float[] Extend(SuggestionCandidate c, Dictionary<int, float>[] extra)
{
    var x = new float[columns.Length];
    c.Features.CopyTo(x, 0);
    for (var e = 0; e < extraNames.Length; e++)
    {
        x[featureCount + e] = extra[e].GetValueOrDefault(c.Paper);
    }

    return x;
}

Dictionary<int, float>[] ExtraColumns(int paper, int before, IReadOnlyList<SuggestionCandidate> candidates)
{
    var month = corpus.Months[paper];
    bool Visible(int citing) => corpus.Months[citing].IsStrictlyBefore(month) && corpus.Months[citing].Year < before;
    var citations = corpus.Snapshot.Citations;

    // Seeds: nearest by meaning and by key terms, each weighted by its similarity to a power, normalised to mass 1.
    var text = new float[corpus.Snapshot.PaperCount];
    corpus.Terms.Similarities(paper, text);
    text[paper] = 0;
    var nearest = corpus.Semantic?.Nearest(paper, 200) ?? [];
    var byText = Enumerable.Range(0, text.Length).Where(o => text[o] > 0).OrderByDescending(o => text[o]).Take(200).ToList();
    Dictionary<int, float> SeedsOf(int count, float power)
    {
        var seeds = new Dictionary<int, float>();
        foreach (var (other, s) in nearest.Take(count))
        {
            seeds[other] = MathF.Pow(Math.Max(s, 0), power);
        }

        foreach (var other in byText.Take(count))
        {
            seeds[other] = Math.Max(seeds.GetValueOrDefault(other), MathF.Pow(text[other], power));
        }

        var total = seeds.Values.Sum();
        return total <= 0 ? seeds : seeds.ToDictionary(kv => kv.Key, kv => kv.Value / total);
    }

    var defaultSeeds = SeedsOf(Seeds, 3);
    var walkOut = Walk(defaultSeeds, both: false, firstStep: 1, Restart);
    var walkBoth = Walk(defaultSeeds, both: true, firstStep: 1, Restart);
    var walkBoth23 = Walk(defaultSeeds, both: true, firstStep: 2, Restart);
    var specWalks = walkSpecs.Select(spec => spec.Split(':')).Select(w => Walk(
        SeedsOf(int.Parse(w[1], CultureInfo.InvariantCulture), float.Parse(w[3], CultureInfo.InvariantCulture)),
        both: w[0] == "both", firstStep: int.Parse(w[4], CultureInfo.InvariantCulture), float.Parse(w[2], CultureInfo.InvariantCulture))).ToList();

    Dictionary<int, float> Walk(Dictionary<int, float> start, bool both, int firstStep, float restart)
    {
        var score = new Dictionary<int, float>();
        var mass = start;
        for (var step = 1; step <= 3; step++)
        {
            var next = new Dictionary<int, float>();
            foreach (var (node, m) in mass)
            {
                var outs = Visible(node) ? citations.OutNeighbors(node) : [];
                var ins = both ? citations.InNeighbors(node) : [];
                var degree = outs.Length;
                foreach (var i in ins)
                {
                    degree += Visible(i) ? 1 : 0;
                }

                if (degree == 0)
                {
                    continue;
                }

                var share = m * (1 - restart) / degree;
                foreach (var o in outs)
                {
                    next[o] = next.GetValueOrDefault(o) + share;
                }

                foreach (var i in ins)
                {
                    if (Visible(i))
                    {
                        next[i] = next.GetValueOrDefault(i) + share;
                    }
                }
            }

            if (step >= firstStep)
            {
                foreach (var (node, m) in next)
                {
                    score[node] = score.GetValueOrDefault(node) + m;
                }
            }

            mass = next;
        }

        return score;
    }

    var pool = candidates.Select(c => c.Paper).ToHashSet();
    Dictionary<int, float> Scaled(Dictionary<int, float> raw)
    {
        var max = raw.Where(kv => pool.Contains(kv.Key)).Select(kv => kv.Value).DefaultIfEmpty(0).Max();
        return max <= 0 ? [] : raw.Where(kv => pool.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value / max);
    }

    Dictionary<int, float> Sqrt(SuggestionFeature f) => candidates.ToDictionary(c => c.Paper, c => MathF.Sqrt(c.Features[(int)f]));
    Dictionary<int, float> Z(SuggestionFeature f)
    {
        var values = candidates.Select(c => c.Features[(int)f]).ToArray();
        var mean = values.Average();
        var sd = MathF.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        // Shifted so that the pool's mean is 0 and clipped at 0: the fit's weights are ≥ 0 and a below-average candidate gains nothing.
        return sd <= 0 ? [] : candidates.ToDictionary(c => c.Paper, c => Math.Max(0, (c.Features[(int)f] - mean) / sd) / 10);
    }

    Dictionary<int, float> Rank(SuggestionFeature f) =>
        candidates.OrderByDescending(c => c.Features[(int)f]).ThenBy(c => c.Paper).Select((c, r) => (c.Paper, Value: c.Features[(int)f] > 0 ? 60f / (60 + r) : 0f)).ToDictionary(x => x.Paper, x => x.Value);

    return
    [
        .. specWalks.Select(Scaled),
        Scaled(walkOut), Scaled(walkBoth), Scaled(walkBoth23),
        Sqrt(SuggestionFeature.CitedBySimilar), Sqrt(SuggestionFeature.CoCitation), Sqrt(SuggestionFeature.Coupling),
        Z(SuggestionFeature.KeyTerms), Z(SuggestionFeature.Semantic),
        Rank(SuggestionFeature.KeyTerms), Rank(SuggestionFeature.Semantic), Rank(SuggestionFeature.CitedBySimilar),
    ];
}

// Recall@10 and MRR of a weighting: per list one pass keeping the 10 best (ties by paper index), as the fit's TopK.
(double Recall, double Mrr) Measure(IReadOnlyList<List> lists, double[] weights)
{
    var used = weights.Select((w, i) => (w, i)).Where(x => x.w != 0).ToArray();
    var recall = new double[lists.Count];
    var mrr = new double[lists.Count];
    Parallel.For(0, lists.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, l =>
    {
        var top = new List<(double Score, int Paper)>(K + 1);
        foreach (var row in lists[l].Rows)
        {
            var score = 0.0;
            foreach (var (w, i) in used)
            {
                score += w * row.X[i];
            }

            if (score <= 0 || (top.Count == K && !Ahead(score, row.Paper, top[^1])))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && Ahead(score, row.Paper, top[at - 1]))
            {
                at--;
            }

            top.Insert(at, (score, row.Paper));
            if (top.Count > K)
            {
                top.RemoveAt(K);
            }
        }

        (recall[l], mrr[l], _) = SuggestionEvaluation.Score(top.ConvertAll(t => t.Paper), lists[l].Known, K);
    });
    return lists.Count == 0 ? (0, 0) : (recall.Average(), mrr.Average());

    static bool Ahead(double score, int paper, (double Score, int Paper) other) => score > other.Score || (score == other.Score && paper < other.Paper);
}

// Coordinate search on recall@10 (ties: MRR) from two starts, as SuggestionWeightFit's coordinate method.
(double[] Weights, (double Recall, double Mrr) Score) FitOn(IReadOnlyList<List> lists, int[] allowed)
{
    double[] grid = [0, 0.125, 0.25, 0.5, 0.75, 1, 1.5, 2, 4];
    var single = new double[columns.Length];
    single[(int)SuggestionFeature.KeyTerms] = 1;
    var all = new double[columns.Length];
    foreach (var a in allowed)
    {
        all[a] = 1;
    }

    (double[], (double, double))? winner = null;
    foreach (var start in new[] { single, all })
    {
        var best = (double[])start.Clone();
        var bestScore = Measure(lists, best);
        for (var pass = 0; pass < 4; pass++)
        {
            var improved = false;
            foreach (var f in allowed)
            {
                foreach (var v in grid)
                {
                    var trial = (double[])best.Clone();
                    trial[f] = v;
                    if (trial.All(t => t == 0))
                    {
                        continue;
                    }

                    var score = Measure(lists, trial);
                    if (Better(score, bestScore))
                    {
                        (best, bestScore, improved) = (trial, score, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        if (winner is not { } w || Better(bestScore, w.Item2))
        {
            winner = (best, bestScore);
        }
    }

    return winner!.Value;
}

static bool Better((double Recall, double Mrr) a, (double Recall, double Mrr) b) =>
    a.Recall > b.Recall + 1e-9 || (Math.Abs(a.Recall - b.Recall) <= 1e-9 && a.Mrr > b.Mrr + 1e-9);

internal sealed record Row(int Paper, float[] X);

internal sealed record List(Row[] Rows, IReadOnlySet<int> Known);
