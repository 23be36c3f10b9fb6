#:project ../../src/Graph/Graph.csproj
#:project ../../src/Graph.Sqlite/Graph.Sqlite.csproj
#:package Microsoft.ML.FastTree
#:property PublishAot=false
// A learned ranker (LambdaMART: FastTree ranking, gradient-boosted trees) over the suggestion features and a few
// per-pair inputs the weighted sum cannot use well, judged by 2-fold cross-validation by paper on the training papers
// only (2018–2019, graph before 2018), beside the served fit method in the same folds (issue 15, branch suggest8).
// usage: dotnet run bench/tools/suggest-ltr.cs -- DB TRUTH.tsv [--rolling] [--top N] [--trees N] [--leaves N] [--lr X] [--min-leaf N]
// --rolling adds, to each fold's training papers, the papers of 2014–2017 each seeing only citations made before its
// own year (and before the year before it): more training pairs, none involving a held-out paper or a citation it made.
using System.Globalization;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Suggest;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

var opts = args.Skip(2).ToList();
string? Opt(string name) => opts.IndexOf(name) is var i and >= 0 && i + 1 < opts.Count ? opts[i + 1] : null;
var rolling = opts.Contains("--rolling");
var top = int.Parse(Opt("--top") ?? "150", CultureInfo.InvariantCulture);
var trees = int.Parse(Opt("--trees") ?? "300", CultureInfo.InvariantCulture);
var leaves = int.Parse(Opt("--leaves") ?? "16", CultureInfo.InvariantCulture);
var minLeaf = int.Parse(Opt("--min-leaf") ?? "20", CultureInfo.InvariantCulture);
var lr = double.Parse(Opt("--lr") ?? "0.05", CultureInfo.InvariantCulture);
var extras = Opt("--extras") ?? "all";
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
var cv = SuggestionWeightFit.CrossValidate(corpus, truth, trainYears, K, 2, [served], 2018, method: SuggestionFitMethod.PairwiseThenSearch)[0];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"served fit method, 2-fold CV: recall@10 {cv.Recall:0.0000}, MRR {cv.Mrr:0.0000}; weights {string.Join(" | ", cv.Weights)}"));

var extraPapers = rolling
    ? SuggestionEvaluation.Citing(corpus, truth, new YearRange(2012, 2017)).SelectMany(p => new[] { (p, corpus.Months[p].Year!.Value), (p, corpus.Months[p].Year!.Value - 1) }).ToList()
    : [];
double recall = 0, mrr = 0, linRecall = 0, linMrr = 0;
for (var fold = 0; fold < 2; fold++)
{
    var weights = cv.Weights[fold];
    var f = fold;
    var trainInstances = papers.Where((_, i) => i % 2 != f).Select(p => (p, 2018)).Concat(extraPapers).ToList();
    var testInstances = papers.Where((_, i) => i % 2 == f).Select(p => (p, 2018)).ToList();
    var train = Instances(trainInstances, weights, training: true);
    var test = Instances(testInstances, weights, training: false);
    var (transformer, model, schema, ml) = Fit(train);
    var scored = transformer.Transform(ml.Data.LoadFromEnumerable(test.SelectMany(g => g.Rows), schema));
    var scores = scored.GetColumn<float>("Score").ToArray();
    var ensemble = Export(model);
    var mismatches = test.SelectMany(g => g.Rows).Select((r, i) => Math.Abs(ensemble.Score(r.Features) - scores[i])).Count(d => d > 1e-3);
    Console.WriteLine($"fold {fold}: exported {ensemble.Count} trees; {mismatches} rows scored differently from ML.NET");
    var at = 0;
    foreach (var g in test)
    {
        var ranked = g.Rows.Select((r, i) => (r.Candidate, Score: scores[at + i], i)).OrderByDescending(x => x.Score).ThenBy(x => x.i).Select(x => x.Candidate).ToList();
        at += g.Rows.Count;
        var (r, rr, _) = SuggestionEvaluation.Score(ranked, g.Known, K);
        recall += r;
        mrr += rr;
        var (lr2, lrr, _) = SuggestionEvaluation.Score(g.Rows.Select(x => x.Candidate).ToList(), g.Known, K);
        linRecall += lr2;
        linMrr += lrr;
    }

    Console.WriteLine($"fold {fold}: {train.Count} training lists ({train.Sum(g => g.Rows.Count)} rows, {train.Sum(g => g.Rows.Count(r => r.Label > 0))} positive), {test.Count} held out");
}

if (Opt("--write") is { } output)
{
    // The served ranker: fitted on every training paper (and the rolling ones when asked), the served weights first.
    var all = Instances(papers.Select(p => (p, 2018)).Concat(extraPapers).ToList(), SuggestionWeights.Fitted, training: true);
    var ensemble = Export(Fit(all).Model);
    await using (var writer = new StreamWriter(output))
    {
        await writer.WriteLineAsync($"# LambdaMART over RankerInputs, fitted by bench/tools/suggest-ltr.cs {string.Join(' ', args.Skip(2))} on {all.Count} training lists");
        ensemble.Write(writer);
    }

    Console.WriteLine($"wrote {ensemble.Count} trees to {output}");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"LambdaMART (top {top}, {trees} trees, {leaves} leaves, lr {lr}, min leaf {minLeaf}, extras {extras}{(rolling ? ", rolling 2012-2017" : "")}): recall@10 {recall / papers.Count:0.0000}, MRR {mrr / papers.Count:0.0000}; linear re-measured {linRecall / papers.Count:0.0000} / {linMrr / papers.Count:0.0000}"));
return 0;

(ITransformer Transformer, FastTreeRankingModelParameters Model, SchemaDefinition Schema, MLContext Ml) Fit(List<Group> train)
{
    var ml = new MLContext(seed: 7);
    var schema = SchemaDefinition.Create(typeof(Row));
    schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, train[0].Rows[0].Features.Length);
    var trainData = ml.Data.LoadFromEnumerable(train.SelectMany(g => g.Rows), schema);
    var pipeline = ml.Transforms.Conversion.MapValueToKey("GroupId", nameof(Row.Group))
        .Append(ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), RowGroupColumnName = "GroupId",
            NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minLeaf, LearningRate = lr,
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
        var (ordered, inputs) = SuggestionEngine.RankerList(corpus, p, SuggestionScope.HeldOut, before, weights, top);
        var rows = ordered.Select((c, r) => new Row
        {
            Label = known.Contains(c.Paper) ? 1 : 0, Group = (uint)(i + 1), Candidate = c.Paper,
            Features = extras == "none" ? inputs[r][..(Enum.GetValues<SuggestionFeature>().Length + 2)] : inputs[r],
        }).ToList();
        if (!training || rows.Any(r => r.Label > 0))
        {
            groups[i] = new Group(rows, known); // a training list with no positive teaches nothing
        }
    });
    return groups.Where(g => g is not null).Select(g => g!).ToList();
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

internal sealed record Group(List<Row> Rows, IReadOnlySet<int> Known);
