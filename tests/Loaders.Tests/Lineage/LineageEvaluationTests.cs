using CiteGraph.Graph.Storage.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Lineage;
using TempDirectory = CiteGraph.Tests.TempDirectory;

namespace CiteGraph.Loaders.Tests.Lineage;

public sealed class LineageEvaluationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvaluateAsync_counts_inferred_citations_of_papers_with_known_references()
    {
        using var dir = new TempDirectory();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("demo.db") });
        await new Ingestor(store).LoadAsync(DemoCorpus.Files, cancellationToken: Ct);
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
}
