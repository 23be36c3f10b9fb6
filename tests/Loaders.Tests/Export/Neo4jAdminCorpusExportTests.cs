using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Export;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Tests.Lineage;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Export;

/// <summary>
/// The Hugging Face corpus (loaded, derived and analyzed: every node label and relationship type the store has) exported
/// for neo4j-admin, every file checked against Neo4j's documented import rules, and the export's rows counted against the
/// store's own.
/// </summary>
[Trait("Category", "RealData")]
public sealed class Neo4jAdminCorpusExportTests(HuggingFaceCorpusFixture corpus) : IClassFixture<HuggingFaceCorpusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Hugging_Face_corpus_exports_to_files_that_pass_every_documented_import_rule()
    {
        if (corpus.Store is not { } store)
        {
            Assert.Skip(HuggingFaceCorpus.SkipReason);
            return;
        }

        await new AnalyticsRunner(store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);
        using var dir = new TempDirectory();
        var report = await AdminImportExport.WriteAsync(store, dir.File("neo4j"), cancellationToken: Ct);
        var files = Neo4jAdminImportChecker.Check(dir.File("neo4j"));

        Assert.Empty(files.Errors);
        // Every table this corpus fills is in the command, and each file holds the rows the export counted.
        var labels = report.Files.Select(f => f.Shape.Label).ToHashSet();
        foreach (var expected in new[] { "Paper", "Source", "ExternalId", "Repo", "Author", "Topic", "TopicAlias", "Community",
                     "CITES", "FROM_SOURCE", "REFERENCES_REPO", "AUTHORED", "HAS_TOPIC", "CO_TOPIC", "CO_OCCURS", "ALIAS_OF", "IN_COMMUNITY" })
        {
            Assert.Contains(expected, labels);
        }

        Assert.All(report.Files, f => Assert.Equal(f.Rows, files.Rows[f.DataFile]));

        // The counts are the store's: papers (stubs are extra nodes), repositories, topics, authors, sources, citations of
        // both kinds, co-topic links.
        var stats = await store.GetStatsAsync(Ct);
        Assert.True(Rows("Paper") >= stats.Papers);
        Assert.Equal((stats.Repos, stats.Topics, stats.Authors, stats.Sources, stats.Citations, stats.CoTopicEdges),
            (Rows("Repo"), Rows("Topic"), Rows("Author"), Rows("Source"), Rows("CITES"), Rows("CO_TOPIC")));
        Assert.Equal(stats.InferredCitations, files.Rows.ContainsKey("CITES.csv") ? CountInferred(dir.File("neo4j/CITES.csv")) : 0);
        Assert.True(Rows("CITES") > 0 && Rows("CO_TOPIC") > 0);

        long Rows(string label) => report.Files.Single(f => f.Shape.Label == label).Rows;
    }

    /// <summary>CITES rows whose kind is inferred (the kind is the third field; ids never hold a comma).</summary>
    private static int CountInferred(string path) => File.ReadLines(path).Count(l => l.Contains(",inferred,", StringComparison.Ordinal));
}
