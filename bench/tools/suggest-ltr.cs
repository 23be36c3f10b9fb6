#:project ../../src/Graph/Graph.csproj
#:project ../../src/Graph.Sqlite/Graph.Sqlite.csproj
#:package Microsoft.ML.FastTree
#:property PublishAot=false
// A learned second stage (LambdaMART: FastTree ranking, gradient-boosted trees) re-ordering the weighted sum's best
// candidates by the suggestion features and a few per-pair inputs the weighted sum cannot use well (RankerInputs), judged
// by cross-validation by paper on the training papers only (2018–2019, graph before 2018), beside the served fit method
// in the same folds, whose per-fold weights are the first stage (issue 15, branch suggest8; served once in suggest9, it
// lost on the test split and forward in time, so it is not served: bench/RESULTS.md).
// usage: dotnet run -c Release bench/tools/suggest-ltr.cs -- DB TRUTH.tsv [--top N] [--folds K] [--grid "TREES:LEAVES:LR:MIN-LEAF:ROLLING:EXTRAS;…"] [--no-cv] [--forward] [--write ranker.txt]
// --forward also judges each configuration forward in time: fitted on the 2012-2017 lists alone, judged on the 2018-2019
// papers, whose graph is denser than any the trees saw, as the served trees' is on later papers (suggest9: k-fold CV by
// paper mixes the years, and its +0.014 did not carry over to the 2020-2022 papers; --forward said so beforehand).
// ROLLING=1 adds, to each fold's training papers, the papers of 2012–2017, each seeing only citations made before its
// own year (and, a second list, before the year before it): more training pairs, none involving a held-out paper or a
// citation it made (2018–2019 citations are never in the graph those lists see). EXTRAS=none keeps only the features,
// the weighted sum and its rank. --write fits the first configuration on every training paper (the served weights
// first) and writes the trees in TreeEnsemble's text form. Nothing of 2020 on is used.
// RankerInputs and TreeEnsemble (below) lived in src/Graph while the trees were served (suggest8, suggest9); since
// nothing serves them they live here, with the only code that uses them (branch suggest10).
using System.Globalization;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Suggest;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

var opts = args.Skip(2).ToList();
string? Opt(string name) => opts.IndexOf(name) is var i and >= 0 && i + 1 < opts.Count ? opts[i + 1] : null;
var top = int.Parse(Opt("--top") ?? "150", CultureInfo.InvariantCulture);
var foldCount = int.Parse(Opt("--folds") ?? "2", CultureInfo.InvariantCulture);
// Configurations compared on the same candidates and folds: TREES:LEAVES:LEARNING-RATE:MIN-LEAF:ROLLING(0/1):EXTRAS(all/none), ';'-separated.
var grid = (Opt("--grid") ?? "300:16:0.05:20:0:all").Split(';').Select(c => c.Split(':')).Select(c => new Config(
    int.Parse(c[0], CultureInfo.InvariantCulture), int.Parse(c[1], CultureInfo.InvariantCulture), double.Parse(c[2], CultureInfo.InvariantCulture),
    int.Parse(c[3], CultureInfo.InvariantCulture), c[4] == "1", c[5])).ToList();
const int K = 10;

await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = args[0] });
await store.InitializeAsync();
var snapshot = await new SnapshotHolder(store).RebuildAsync();
var corpus = await SuggestionCorpus.BuildAsync(store, snapshot);
var truth = await SuggestionTruth.ReadAsync(store, snapshot, args[1]);
var trainYears = new YearRange(2018, 2019);
var papers = SuggestionEvaluation.Citing(corpus, truth, trainYears);

// The served fit method's cross-validation: its per-fold weights are the linear score fed to the trees in that fold.
var served = FeatureSet("all,-citation-semantic,-term-association,-title-mention,-recent-popularity");
var noCv = opts.Contains("--no-cv");
var cv = noCv ? (Recall: 0.0, Mrr: 0.0, Weights: (IReadOnlyList<SuggestionWeights>)[]) : SuggestionWeightFit.CrossValidate(corpus, truth, trainYears, K, foldCount, [served], 2018, method: SuggestionFitMethod.PairwiseThenSearch)[0];
if (!noCv)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"served fit method, {foldCount}-fold CV: recall@10 {cv.Recall:0.0000}, MRR {cv.Mrr:0.0000}; weights {string.Join(" | ", cv.Weights)}"));
}

var extraPapers = SuggestionEvaluation.Citing(corpus, truth, new YearRange(2012, 2017))
    .SelectMany(p => new[] { (p, corpus.Months[p].Year!.Value), (p, corpus.Months[p].Year!.Value - 1) }).ToList();
var folds = Enumerable.Range(0, noCv ? 0 : foldCount).Select(f =>
{
    var weights = cv.Weights[f];
    var fold = (
        Train: Instances(papers.Where((_, i) => i % foldCount != f).Select(p => (p, 2018)).ToList(), weights, training: true),
        Extra: grid.Any(c => c.Rolling) ? Instances(extraPapers, weights, training: true) : [],
        Test: Instances(papers.Where((_, i) => i % foldCount == f).Select(p => (p, 2018)).ToList(), weights, training: false));
    Console.WriteLine($"fold {f}: {fold.Train.Count} training lists ({fold.Train.Sum(g => g.Rows.Count)} rows, {fold.Train.Sum(g => g.Rows.Count(r => r.Label > 0))} positive), " +
        $"rolling {fold.Extra.Count} lists ({fold.Extra.Sum(g => g.Rows.Count(r => r.Label > 0))} positive), {fold.Test.Count} held out");
    return fold;
}).ToList();

foreach (var config in noCv ? [] : grid)
{
    var sums = folds.Select(f => Judge(config.Rolling ? [.. f.Train, .. f.Extra] : f.Train, f.Test, config)).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"LambdaMART {config} (top {top}): {foldCount}-fold CV recall@10 {sums.Sum(x => x.Recall) / papers.Count:0.0000}, MRR {sums.Sum(x => x.Mrr) / papers.Count:0.0000}; the folds' weighted sums {sums.Sum(x => x.LinRecall) / papers.Count:0.0000} / {sums.Sum(x => x.LinMrr) / papers.Count:0.0000}"));
}

if (opts.Contains("--forward"))
{
    // Forward in time: trees fitted on the 2012-2017 lists only (graphs of at most ~530 citations), judged on the
    // 2018-2019 papers with the graph before 2018 (~1,000): a denser graph than the trees saw, as the served trees (graph
    // before 2018) meet on papers of 2020 on (~3,700 and growing). The first stage is SuggestionWeights.Fitted in both.
    var early = Instances(extraPapers, SuggestionWeights.Fitted, training: true);
    var late = Instances(papers.Select(p => (p, 2018)).ToList(), SuggestionWeights.Fitted, training: false);
    foreach (var config in grid)
    {
        var (recall, mrr, linRecall, linMrr) = Judge(early, late, config);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LambdaMART {config} (top {top}), forward (fitted on {early.Count} lists of 2012-2017, judged on {late.Count} of 2018-2019 with the graph before 2018): recall@10 {recall / late.Count:0.0000}, MRR {mrr / late.Count:0.0000}; the weighted sum {linRecall / late.Count:0.0000} / {linMrr / late.Count:0.0000}"));
    }
}

if (Opt("--write") is { } output)
{
    // The served ranker: fitted on every training paper (and the rolling ones when asked), the served weights first.
    var config = grid[0];
    var all = Slice(Instances(papers.Select(p => (p, 2018)).Concat(config.Rolling ? extraPapers : []).ToList(), SuggestionWeights.Fitted, training: true), config.Extras);
    var ensemble = Export(Fit(all, config).Model);
    await using (var writer = new StreamWriter(output))
    {
        await writer.WriteLineAsync($"# LambdaMART {config} over RankerInputs (top {top}), fitted by bench/tools/suggest-ltr.cs on {all.Count} training lists of 2018-2019 (graph before 2018){(config.Rolling ? " and 2012-2017 (graph before their year and the year before)" : "")}");
        ensemble.Write(writer);
    }

    Console.WriteLine($"wrote {ensemble.Count} trees to {output}");
}

return 0;

// Fits the trees on train, re-orders every list of test by them: summed recall@10 and reciprocal rank, the trees' and the
// first stage's (the lists' own order).
(double Recall, double Mrr, double LinRecall, double LinMrr) Judge(List<Group> trainAll, List<Group> testAll, Config config)
{
    var train = Slice(trainAll, config.Extras);
    var test = Slice(testAll, config.Extras);
    var (transformer, model, schema, ml) = Fit(train, config);
    var scored = transformer.Transform(ml.Data.LoadFromEnumerable(test.SelectMany(g => g.Rows), schema));
    var scores = scored.GetColumn<float>("Score").ToArray();
    var ensemble = Export(model);
    var mismatches = test.SelectMany(g => g.Rows).Select((r, i) => Math.Abs(ensemble.Score(r.Features) - scores[i])).Count(d => d > 1e-3);
    if (mismatches > 0)
    {
        Console.WriteLine($"WARNING: {mismatches} rows scored differently by the exported trees than by ML.NET");
    }

    double recall = 0, mrr = 0, linRecall = 0, linMrr = 0;
    var at = 0;
    foreach (var g in test)
    {
        var ranked = g.Rows.Select((r, i) => (r.Candidate, Score: scores[at + i], i)).OrderByDescending(x => x.Score).ThenBy(x => x.i).Select(x => x.Candidate).ToList();
        at += g.Rows.Count;
        var (r, rr, _) = SuggestionEvaluation.Score(ranked, g.Known, K);
        recall += r;
        mrr += rr;
        var (r2, rr2, _) = SuggestionEvaluation.Score(g.Rows.Select(x => x.Candidate).ToList(), g.Known, K);
        linRecall += r2;
        linMrr += rr2;
    }

    return (recall, mrr, linRecall, linMrr);
}

List<Group> Slice(List<Group> groups, string extras) =>
    extras == "all" ? groups : groups.Select(g => g with { Rows = g.Rows.Select(r => new Row { Label = r.Label, Group = r.Group, Candidate = r.Candidate, Features = r.Features[..(Enum.GetValues<SuggestionFeature>().Length + 2)] }).ToList() }).ToList();

(ITransformer Transformer, FastTreeRankingModelParameters Model, SchemaDefinition Schema, MLContext Ml) Fit(List<Group> train, Config config)
{
    var ml = new MLContext(seed: 7);
    var schema = SchemaDefinition.Create(typeof(Row));
    schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, train[0].Rows[0].Features.Length);
    var trainData = ml.Data.LoadFromEnumerable(train.SelectMany(g => g.Rows), schema);
    var pipeline = ml.Transforms.Conversion.MapValueToKey("GroupId", nameof(Row.Group))
        .Append(ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), RowGroupColumnName = "GroupId",
            NumberOfTrees = config.Trees, NumberOfLeaves = config.Leaves, MinimumExampleCountPerLeaf = config.MinLeaf, LearningRate = config.LearningRate,
            NdcgTruncationLevel = K, FeatureFraction = 0.8, Seed = 7, NumberOfThreads = 1,
        }));
    var fitted = pipeline.Fit(trainData);
    return (fitted, fitted.LastTransformer.Model, schema, ml);
}

List<Group> Instances(IReadOnlyList<(int Paper, int GraphBefore)> instances, SuggestionWeights weights, bool training)
{
    var groups = new Group?[instances.Count];
    Parallel.For(0, instances.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
    {
        var (p, before) = instances[i];
        var known = truth.References[p];
        var (ordered, inputs) = RankerList(p, before, weights);
        var rows = ordered.Select((c, r) => new Row
        {
            Label = known.Contains(c.Paper) ? 1 : 0, Group = (uint)(i + 1), Candidate = c.Paper,
            Features = inputs[r],
        }).ToList();
        if (!training || rows.Any(r => r.Label > 0))
        {
            groups[i] = new Group(rows, known); // a training list with no positive teaches nothing
        }
    });
    return groups.Where(g => g is not null).Select(g => g!).ToList();
}

// The weighted sum's best `top` candidates of a paper (seeing citations made before its month and before `before`), with
// their inputs.
(List<SuggestionCandidate> Ordered, float[][] Inputs) RankerList(int paper, int before, SuggestionWeights weights)
{
    var candidates = SuggestionEngine.Candidates(corpus, paper, SuggestionScope.HeldOut, before, RankerInputs.Computed);
    var text = new float[corpus.Snapshot.PaperCount];
    corpus.Terms.Similarities(paper, text);
    text[paper] = 0;
    var month = corpus.Months[paper];
    var (ordered, _, inputs) = RankerInputs.Compute(corpus, paper, candidates, weights, top, text, c => corpus.Months[c].IsStrictlyBefore(month) && corpus.Months[c].Year < before);
    return (ordered, inputs);
}

static TreeEnsemble Export(FastTreeRankingModelParameters model)
{
    var e = model.TrainedTreeEnsemble;
    return TreeEnsemble.From(e.Bias, e.Trees.Select((t, i) => (e.TreeWeights[i], t.NumericalSplitFeatureIndexes.ToArray(), t.NumericalSplitThresholds.ToArray(),
        t.LeftChild.ToArray(), t.RightChild.ToArray(), t.LeafValues.ToArray())));
}

static IReadOnlySet<SuggestionFeature> FeatureSet(string spec)
{
    var set = new HashSet<SuggestionFeature>();
    foreach (var part in spec.Split(','))
    {
        if (part == "all")
        {
            set.UnionWith(Enum.GetValues<SuggestionFeature>());
        }
        else if (part.StartsWith('-'))
        {
            set.Remove(Enum.GetValues<SuggestionFeature>().Single(f => string.Concat(part[1..].Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) == f.ToString()));
        }
    }

    return set;
}

internal sealed class Row
{
    public float Label { get; set; }

    public uint Group { get; set; }

    [VectorType]
    public float[] Features { get; set; } = [];

    [NoColumn]
    public int Candidate { get; set; }
}

internal sealed record Config(int Trees, int Leaves, double LearningRate, int MinLeaf, bool Rolling, string Extras)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Trees} trees, {Leaves} leaves, lr {LearningRate}, min leaf {MinLeaf}, inputs {Extras}{(Rolling ? ", rolling 2012-2017" : "")}");
}

internal sealed record Group(List<Row> Rows, IReadOnlySet<int> Known);

/// <summary>
/// The inputs a learned second stage (a <see cref="TreeEnsemble"/> re-ordering the weighted sum's best candidates) reads
/// for one (paper, candidate) pair: the scaled features, the weighted sum and its rank, and per-pair values a weighted sum
/// cannot use well (ranks under single features, unscaled cosines, the candidate's age and visible citations, both texts'
/// lengths), so the trees can learn interactions such as "popularity matters for old candidates". Fitted and judged by
/// bench/tools/suggest-ltr.cs; not served: cross-validated on the training papers it gained −0.004 to +0.014 recall@10
/// with the settings and folds (branch suggest8), but it lost when served once on the later papers and when judged
/// forward in time on the training years (bench/RESULTS.md, branch suggest9).
/// </summary>
internal static class RankerInputs
{
    /// <summary>Features left at 0 in the inputs: they cost a citation-model fit on a snapshot's first request.</summary>
    public static readonly IReadOnlySet<SuggestionFeature> Skipped = new HashSet<SuggestionFeature> { SuggestionFeature.CitationSemantic, SuggestionFeature.TermAssociation };

    /// <summary>Features whose rank among the paper's candidates is an input.</summary>
    private static readonly SuggestionFeature[] Ranked = [SuggestionFeature.KeyTerms, SuggestionFeature.Semantic, SuggestionFeature.CitedBySimilar];

    private static readonly int FeatureCount = Enum.GetValues<SuggestionFeature>().Length;

    /// <summary>Index of the input log(1 + the candidate's rank by the weighted sum), 0 for the best.</summary>
    public static int LinearRank { get; } = FeatureCount + 1;

    /// <summary>Length of the input vector.</summary>
    public static int Count { get; } = FeatureCount + 2 + Ranked.Length + 6;

    /// <summary>Every feature computed except <see cref="Skipped"/>.</summary>
    public static SuggestionWeights Computed { get; } =
        SuggestionWeights.From(Enum.GetValues<SuggestionFeature>().Where(f => !Skipped.Contains(f)).ToDictionary(f => f, _ => 1.0));

    /// <summary>The inputs of the <paramref name="depth"/> best candidates by the weighted sum, in that order.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="paper">The paper asking.</param>
    /// <param name="candidates">All its candidates (every feature but <see cref="Skipped"/> computed).</param>
    /// <param name="weights">The weighted sum the candidates are first ordered by.</param>
    /// <param name="depth">How many of the best are kept.</param>
    /// <param name="text">The paper's TF-IDF cosine with every paper.</param>
    /// <param name="citingVisible">Whether a citing paper's citations are visible to this paper.</param>
    public static (List<SuggestionCandidate> Ordered, double[] Linear, float[][] Inputs) Compute(
        SuggestionCorpus corpus, int paper, IReadOnlyList<SuggestionCandidate> candidates, SuggestionWeights weights, int depth, float[] text, Func<int, bool> citingVisible)
    {
        var linear = candidates.Select(c => c.Score(weights)).ToArray();
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(j => linear[j]).ThenBy(j => candidates[j].Paper).Take(depth).ToArray();
        var ranks = Ranked.Select(f => Ranks(candidates, f)).ToArray();
        var month = corpus.Months[paper];
        var ownTerms = corpus.Terms.Vector(paper).Terms.Length;
        var inputs = new float[order.Length][];
        for (var r = 0; r < order.Length; r++)
        {
            var j = order[r];
            var c = candidates[j];
            var visible = 0;
            foreach (var citing in corpus.Snapshot.Citations.InNeighbors(c.Paper))
            {
                visible += citingVisible(citing) ? 1 : 0;
            }

            var x = new float[Count];
            c.Features.CopyTo(x, 0);
            var at = FeatureCount;
            x[at++] = (float)linear[j];
            x[at++] = MathF.Log(1 + r);
            foreach (var rank in ranks)
            {
                x[at++] = MathF.Log(1 + rank[j]);
            }

            x[at++] = corpus.Semantic?.Similarity(paper, c.Paper) ?? 0;
            x[at++] = text[c.Paper];
            x[at++] = AgeInMonths(month, corpus.Months[c.Paper]);
            x[at++] = MathF.Log(1 + visible);
            x[at++] = ownTerms;
            x[at] = corpus.Terms.Vector(c.Paper).Terms.Length;
            inputs[r] = x;
        }

        return (order.Select(j => candidates[j]).ToList(), order.Select(j => linear[j]).ToArray(), inputs);
    }

    /// <summary>Months between the two papers (a month unknown counts as mid-year; 0 when a year is unknown).</summary>
    private static float AgeInMonths(PaperMonth citing, PaperMonth cited) =>
        citing.Year is { } cy && cited.Year is { } y ? ((cy - y) * 12) + ((citing.Month == 0 ? 6 : citing.Month) - (cited.Month == 0 ? 6 : cited.Month)) : 0;

    private static int[] Ranks(IReadOnlyList<SuggestionCandidate> candidates, SuggestionFeature feature)
    {
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(i => candidates[i].Features[(int)feature]).ThenBy(i => i).ToArray();
        var ranks = new int[candidates.Count];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }

        return ranks;
    }
}

/// <summary>
/// A sum of regression trees over a vector of inputs (the form LambdaMART, gradient-boosted trees for ranking, fits),
/// evaluated without ML.NET: each fit is checked against ML.NET's own scores, and --write writes the text form.
/// </summary>
/// <remarks>
/// Text form, one tree per line after a first line <c>bias B</c>:
/// <c>tree WEIGHT | FEATURE:THRESHOLD:LEFT:RIGHT ; … | LEAF LEAF …</c>. A node goes left when its input is ≤ the
/// threshold; a child ≥ 0 is a node, a child &lt; 0 is the leaf ~child (ML.NET's FastTree convention).
/// </remarks>
internal sealed class TreeEnsemble
{
    private readonly double _bias;
    private readonly Tree[] _trees;

    private TreeEnsemble(double bias, Tree[] trees, int inputs)
    {
        _bias = bias;
        _trees = trees;
        Inputs = inputs;
    }

    /// <summary>The length of the input vector (one more than the largest input index any split reads).</summary>
    public int Inputs { get; }

    /// <summary>Number of trees.</summary>
    public int Count => _trees.Length;

    /// <summary>An ensemble from its trees: per tree its weight, split inputs, thresholds, children and leaf values.</summary>
    public static TreeEnsemble From(double bias, IEnumerable<(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var built = trees.Select(t => new Tree(t.Weight, t.Feature, t.Threshold, t.Left, t.Right, t.Leaves)).ToArray();
        foreach (var tree in built)
        {
            tree.Validate();
        }

        return new TreeEnsemble(bias, built, built.Length == 0 ? 0 : built.Max(t => t.Feature.Length == 0 ? 0 : t.Feature.Max() + 1));
    }

    /// <summary>The ensemble's score of one input vector.</summary>
    public double Score(ReadOnlySpan<float> inputs)
    {
        if (inputs.Length < Inputs)
        {
            throw new ArgumentException($"The ensemble reads {Inputs} inputs, got {inputs.Length}.", nameof(inputs));
        }

        var score = _bias;
        foreach (var tree in _trees)
        {
            score += tree.Weight * tree.Leaf(inputs);
        }

        return score;
    }

    /// <summary>Writes the text form (see the remarks on <see cref="TreeEnsemble"/>).</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bias {_bias:R}"));
        foreach (var t in _trees)
        {
            var nodes = string.Join(" ; ", t.Feature.Select((f, i) => string.Create(CultureInfo.InvariantCulture, $"{f}:{t.Threshold[i]:R}:{t.Left[i]}:{t.Right[i]}")));
            var leaves = string.Join(' ', t.Leaves.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tree {t.Weight:R} | {nodes} | {leaves}"));
        }
    }

    private sealed record Tree(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)
    {
        public double Leaf(ReadOnlySpan<float> inputs)
        {
            if (Feature.Length == 0)
            {
                return Leaves[0];
            }

            var node = 0;
            while (node >= 0)
            {
                node = inputs[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            }

            return Leaves[~node];
        }

        public void Validate()
        {
            var n = Feature.Length;
            if (Threshold.Length != n || Left.Length != n || Right.Length != n || Leaves.Length != n + 1 || Feature.Any(f => f < 0)
                || Enumerable.Range(0, n).Any(i => Bad(i, Left[i]) || Bad(i, Right[i])))
            {
                throw new FormatException($"a tree of {n} nodes needs {n} thresholds and children, {n + 1} leaves, and children that name them (a node's child node after it)");
            }

            bool Bad(int node, int child) => child >= 0 ? child <= node || child >= n : ~child >= Leaves.Length;
        }
    }
}
