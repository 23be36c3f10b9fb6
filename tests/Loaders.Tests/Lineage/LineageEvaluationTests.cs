using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Reading;
using TempDirectory = CiteGraph.Tests.TempDirectory;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Lineage;

public sealed class LineageEvaluationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvaluateAsync_counts_inferred_citations_of_papers_with_known_references()
    {
        using var dir = new TempDirectory();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("demo.db") });
        await Loading.LoadAndDeriveAsync(store, DemoCorpus.Files, cancellationToken: Ct);
        async Task<string> Id(string text) => (await store.SearchAsync(text, 1, Ct))[0].Paper.Id;
        var sla = await Id("Sparse Lattice Attention Linear-Time Transformers Crystal Graphs");
        var weather = await Id("Lattice Attention Weather Forecasting");
        var rdpo = await Id("Robust DPO Noisy Labels");
        var replication = await Id("Direct Preference Optimization Small Models Replication");
        var truth = dir.File("truth.tsv");
        await File.WriteAllLinesAsync(truth, ["# citing\tcited", $"{weather}\t{sla}", $"{rdpo}\t{replication}", "arXiv:9999.99999\tunknown"], Ct);

        var evaluation = await LineageEvaluation.EvaluateAsync(store, truth, 0.6, cancellationToken: Ct);

        Assert.Equal((3, 2, 2, 1, 1), (evaluation.TruthPairs, evaluation.ResolvedPairs, evaluation.CitingPapers, evaluation.Predicted, evaluation.Correct));
        Assert.Equal(1.0, evaluation.Precision);
        Assert.Equal(0.5, evaluation.Recall);
        Assert.Equal((1, 1), evaluation.ByRule["method"]);
    }

    [Fact]
    public async Task EvaluateAsync_judges_only_the_citing_papers_of_the_requested_years()
    {
        using var dir = new TempDirectory();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("split.db") });
        string Line(string id, string title, string text) =>
            $$"""{"id": "{{id}}", "submitter": null, "title": "{{title}}", "abstract": "{{text}}", "authors": "", "categories": "cs.LG", "versions": [{"version": "v1", "created": "Mon, 1 Jan 20{{id[..2]}} 00:00:00 GMT"}]}""";
        var papers = dir.File("papers.jsonl");
        await File.WriteAllLinesAsync(papers,
        [
            Line("1801.00001", "FooNet: Message Passing for Molecules", "We propose FooNet, a message passing network for molecules."),
            Line("1901.00002", "Molecular graphs", "We extend FooNet to larger molecules."),
            Line("2101.00003", "Protein graphs", "FooNet for proteins."),
            Line("2201.00004", "Crystal graphs", "FooNet for crystals."),
        ], Ct);
        await Loading.LoadAndDeriveAsync(store, [InputFile.FromPath(papers)], cancellationToken: Ct);
        var truth = dir.File("truth.tsv");
        await File.WriteAllLinesAsync(truth, ["1901.00002\t1801.00001", "2101.00003\t1801.00001", "2201.00004\t1801.00001", "2201.00004\t1901.00002"], Ct);

        var all = await LineageEvaluation.EvaluateAsync(store, truth, 0.8, cancellationToken: Ct);
        var test = await LineageEvaluation.EvaluateAsync(store, truth, 0.8, citingFrom: 2020, cancellationToken: Ct);
        var train = await LineageEvaluation.EvaluateAsync(store, truth, 0.8, citingTo: 2019, cancellationToken: Ct);
        var one = await LineageEvaluation.EvaluateAsync(store, truth, 0.8, citingFrom: 2021, citingTo: 2021, cancellationToken: Ct);

        Assert.Equal((4, 3), (all.ResolvedPairs, all.CitingPapers));
        Assert.Equal((3, 2), (test.ResolvedPairs, test.CitingPapers));
        Assert.Equal((1, 1), (train.ResolvedPairs, train.CitingPapers));
        Assert.Equal((1, 1), (one.ResolvedPairs, one.CitingPapers));
        Assert.Equal(4, test.TruthPairs);
        Assert.Equal(test.Calibration.Sum(b => b.Predicted) + train.Calibration.Sum(b => b.Predicted), all.Calibration.Sum(b => b.Predicted));
    }
}
