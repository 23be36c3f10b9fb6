using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// The inferred citations are written one row a statement, in key order, without an upsert: a pair given twice must still
/// be written once with its highest confidence and its first evidence, and an explicit citation is never shadowed.
/// </summary>
public sealed class InferredCitationWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_pair_given_twice_is_written_once_with_its_best_confidence_and_first_evidence_and_explicit_twins_are_skipped()
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("inferred.db") });
        await store.InitializeAsync(Ct);
        var records = Enumerable.Range(0, 4).Select(n => Some.Resolved(Some.Record($"Sparse lantern {n}", line: n + 1))).ToArray();
        await store.UpsertAsync(records, Ct);
        var ids = records.Select(r => r.PaperId).ToArray();
        await store.UpsertCitationsAsync([new Citation(ids[0], ids[1], CitationKind.Explicit)], Ct);

        var written = await store.ReplaceInferredCitationsAsync(
            [
                new Citation(ids[3], ids[2], CitationKind.Inferred, 0.5),
                new Citation(ids[0], ids[1], CitationKind.Inferred, 0.9, "method: shadow"),
                new Citation(ids[3], ids[2], CitationKind.Inferred, 0.8, "method: Lantern"),
                new Citation(ids[3], ids[2], CitationKind.Inferred, 0.6, "method: Later"),
                new Citation(ids[2], ids[0], CitationKind.Inferred, 0.7, "dataset: Lattice"),
            ],
            Ct);

        Assert.Equal(2, written);
        var fromThree = await store.GetCitationsAsync(new CitationQuery(ids[3], CitationDirection.Cites, 10), Ct);
        Assert.Equal([(ids[2], CitationKind.Inferred, 0.8, (string?)"method: Lantern")], fromThree.Items.Select(c => (c.Paper.Id, c.Kind, c.Confidence, c.Evidence)));
        var fromZero = await store.GetCitationsAsync(new CitationQuery(ids[0], CitationDirection.Cites, 10), Ct);
        Assert.Equal([(ids[1], CitationKind.Explicit)], fromZero.Items.Select(c => (c.Paper.Id, c.Kind)));
        Assert.Equal(1, (await store.GetCitationsAsync(new CitationQuery(ids[2], CitationDirection.Cites, 10), Ct)).TotalCount);
    }
}
