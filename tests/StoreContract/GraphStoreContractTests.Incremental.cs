using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;

namespace CiteGraph.Graph.StoreContract;

/// <summary>The incremental derive role (<see cref="IIncrementalDeriveStore"/>): reads by id, topic and full text; per-paper replacement.</summary>
public abstract partial class GraphStoreContractTests
{
    [Fact]
    public async Task The_last_full_derive_pass_is_recorded_and_replaced()
    {
        Assert.Null(await Store.ReadFullDeriveAsync(Ct));
        var first = new FullDeriveMark(3, new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero));
        await Store.WriteFullDeriveAsync(first, Ct);
        Assert.Equal(first, await Store.ReadFullDeriveAsync(Ct));
        var second = new FullDeriveMark(7, first.At.AddHours(1));
        await Store.WriteFullDeriveAsync(second, Ct);
        Assert.Equal(second, await Store.ReadFullDeriveAsync(Ct));
    }

    [Fact]
    public async Task Paper_texts_by_id_are_those_of_the_full_read_for_the_named_papers_only()
    {
        var ids = await WriteTopicsAsync();
        var all = new List<PaperText>();
        await foreach (var text in Store.ReadPaperTextsAsync(Ct))
        {
            all.Add(text);
        }

        var some = await Store.ReadPaperTextsAsync([ids[2], ids[0], "P0000000000000404"], Ct);
        Assert.Equal([ids[0], ids[2]], some.Select(t => t.Id));
        Assert.Equal(all.Where(t => t.Id != ids[1]).Select(t => (t.Id, t.Title, t.Abstract, t.Authors.Count)), some.Select(t => (t.Id, t.Title, t.Abstract, t.Authors.Count)));
        Assert.Empty(await Store.ReadPaperTextsAsync([], Ct));
    }

    [Fact]
    public async Task Topics_their_papers_and_each_papers_topics_read_back_by_topic_id()
    {
        var ids = await WriteTopicsAsync();
        var topics = await Store.ReadTopicsAsync(Ct);
        Assert.Equal(["service level agreement", "sparse lattice attention", "weather forecasting"], topics.Select(t => t.Name).Order(StringComparer.Ordinal));
        var sla = topics.Single(t => t.Name == "sparse lattice attention");
        Assert.Equal(3, sla.Df);
        Assert.Equal(["SLA", "sparse-lattice attentions"], sla.Aliases);

        var postings = await Store.ReadTopicPapersAsync([sla.Id, Topic.IdFor("weather forecasting"), "T0000000000000000"], 2, Ct);
        Assert.Equal([ids[0], ids[1]], postings[sla.Id]);
        Assert.Equal([ids[1]], postings[Topic.IdFor("weather forecasting")]);
        Assert.Empty(postings["T0000000000000000"]);

        var ofPapers = await Store.ReadPaperTopicsAsync([ids[1], "P0000000000000404"], Ct);
        Assert.Equal(
            [new TopicAssignment(ids[1], Topic.IdFor("weather forecasting"), 1), new TopicAssignment(ids[1], sla.Id, 0.5)],
            ofPapers[ids[1]]);
        Assert.False(ofPapers.ContainsKey("P0000000000000404"));
        var rows = await Store.ReadCoTopicRowsAsync([ids[1], ids[0]], Ct);
        var row = Assert.Single(rows);
        Assert.Equal((ids[1], ids[0], 0.8, 1, "sparse lattice attention"), (row.PaperId, row.OtherId, row.Weight, row.Shared, row.Reasons[0]));
    }

    [Fact]
    public async Task Papers_writing_a_phrase_are_found_through_the_full_text_index_with_a_limit_per_phrase()
    {
        var records = new[]
        {
            Some.Record("Neural Tangent Kernel Limits", line: 1, @abstract: "We study wide networks."),
            Some.Record("Kernel Methods Revisited", line: 2, @abstract: "The neural tangent kernel explains training."),
            Some.Record("Tangent Spaces", line: 3, @abstract: "Kernel of a neural map, tangent to nothing."),
            Some.Record("Neural Tangent Kernels at Scale", line: 4, @abstract: "Wide networks again."),
        }.Select(Some.Resolved).ToArray();
        await Store.UpsertAsync(records, Ct);
        var ids = records.Select(r => r.PaperId).ToArray();

        var found = await Store.FindPapersWritingAsync(["neural tangent kernel", "Kernel-Methods", "no such words", "!!"], 10, cancellationToken: Ct);
        // Consecutive words in either field, word endings ignored ("kernels"); the scattered words of paper 3 are no phrase.
        Assert.Equal(new[] { ids[0], ids[1], ids[3] }.Order(StringComparer.Ordinal), found["neural tangent kernel"].Order(StringComparer.Ordinal));
        Assert.Equal([ids[1]], found["Kernel-Methods"]);
        Assert.Empty(found["no such words"]);
        Assert.Empty(found["!!"]);
        Assert.Equal(2, (await Store.FindPapersWritingAsync(["neural tangent kernel"], 2, cancellationToken: Ct))["neural tangent kernel"].Count);
        var titles = await Store.FindPapersWritingAsync(["neural tangent kernel"], 10, titleOnly: true, Ct);
        Assert.Equal(new[] { ids[0], ids[3] }.Order(StringComparer.Ordinal), titles["neural tangent kernel"].Order(StringComparer.Ordinal));
        var hostile = await Store.FindPapersWritingAsync(["\" OR title:* NEAR(", "\"}) MATCH (n) DETACH DELETE n //"], 10, cancellationToken: Ct);
        Assert.All(hostile.Values, v => Assert.Empty(v));
    }

    [Fact]
    public async Task Papers_mentioning_an_id_and_papers_owning_it_are_found_by_the_id()
    {
        var owner = Some.Resolved(Some.Record("Scaling Laws", arxiv: "2001.08361"));
        var mentioning = Some.Resolved(Some.Record("Follow Up", line: 2, @abstract: "As in arXiv:2001.08361 we scale.") with
        {
            Mentions = [new ExternalId(ExternalIdKind.Arxiv, "2001.08361")],
        });
        var other = Some.Resolved(Some.Record("Unrelated", line: 3) with { Mentions = [new ExternalId(ExternalIdKind.Doi, "10.1/x")] });
        await Store.UpsertAsync([owner, mentioning, other], Ct);

        Assert.Equal([mentioning.PaperId], await Store.FindPapersMentioningAsync([new ExternalId(ExternalIdKind.Arxiv, "2001.08361")], Ct));
        Assert.Empty(await Store.FindPapersMentioningAsync([new ExternalId(ExternalIdKind.Arxiv, "1706.03762")], Ct));
        Assert.Equal([owner.PaperId], await Store.FindPapersByExternalIdsAsync([new ExternalId(ExternalIdKind.Arxiv, "2001.08361"), new ExternalId(ExternalIdKind.Doi, "10.9/none")], Ct));
        Assert.Empty(await Store.FindPapersByExternalIdsAsync([], Ct));
    }

    [Fact]
    public async Task Writing_the_derived_rows_of_some_papers_replaces_only_theirs_and_again_changes_nothing()
    {
        var ids = await WriteTopicsAsync();
        var extra = Some.Resolved(Some.Record("Lattice Attention Again", line: 99));
        await Store.UpsertAsync([extra], Ct);
        await Store.UpsertCitationsAsync([new Citation(extra.PaperId, ids[2], CitationKind.Explicit)], Ct);
        await Store.ReplaceInferredCitationsAsync(
            [new Citation(ids[1], ids[0], CitationKind.Inferred, 0.9, "method: SLA"), new Citation(ids[2], ids[1], CitationKind.Inferred, 0.7, "phrase: lattice")], Ct);
        var sla = Topic.IdFor("sparse lattice attention");
        var update = new DerivedLayerUpdate(
            [extra.PaperId, ids[2]],
            [new TopicAssignment(extra.PaperId, sla, 1), new TopicAssignment(ids[2], Topic.IdFor("service level agreement"), 1), new TopicAssignment(extra.PaperId, "T0000000000000000", 1)],
            [extra.PaperId, ids[1]],
            [new CoTopicRow(extra.PaperId, ids[0], 0.9, 1, ["sparse lattice attention"]), new CoTopicRow(ids[1], extra.PaperId, 0.7, 1, ["sparse lattice attention"])],
            [new Citation(extra.PaperId, ids[0], CitationKind.Inferred, 0.8, "method: SLA"), new Citation(extra.PaperId, ids[2], CitationKind.Inferred, 0.8, "title: x")]);

        for (var run = 0; run < 2; run++)
        {
            // The explicit citation of the second pair is never shadowed.
            Assert.Equal(1, await Store.WriteDerivedOfPapersAsync(update, Ct));
            var topics = await Store.GetTopicsOfPapersAsync([extra.PaperId, ids[0], ids[1], ids[2]], Ct);
            Assert.Equal(["sparse lattice attention"], topics[extra.PaperId].Select(t => t.Topic.Name));
            Assert.Equal(["service level agreement"], topics[ids[2]].Select(t => t.Topic.Name));
            Assert.Equal(2, topics[ids[1]].Count);
            // df recounted for the topics whose papers changed: ids[2] left SLA and extra joined it.
            var all = (await Store.ReadTopicsAsync(Ct)).ToDictionary(t => t.Name, t => t.Df);
            Assert.Equal((3, 1, 1), (all["sparse lattice attention"], all["service level agreement"], all["weather forecasting"]));
            // CO_TOPIC: the owners' lists replaced (ids[1]'s old row to ids[0] gone), ids[2]'s list untouched.
            var rows = await Store.ReadCoTopicRowsAsync([extra.PaperId, ids[1], ids[2]], Ct);
            Assert.Equal(
                new[] { (extra.PaperId, ids[0]), (ids[1], extra.PaperId), (ids[2], ids[0]) }.Order(),
                rows.Select(r => (r.PaperId, r.OtherId)).Order());
            // Inferred citations touching the papers replaced; the one between two other papers kept.
            var cites = await Store.GetCitationsAsync(new CitationQuery(ids[0], CitationDirection.CitedBy, 10), Ct);
            Assert.Equal(
                new[] { (ids[1], 0.9), (extra.PaperId, 0.8) }.Order(),
                cites.Items.Where(c => c.Kind == CitationKind.Inferred).Select(c => (c.Paper.Id, c.Confidence)).Order());
            Assert.Equal(0, (await Store.GetCitationsAsync(new CitationQuery(ids[2], CitationDirection.Cites, 10), Ct)).TotalCount);
            Assert.Equal((3, 2), ((await Store.GetStatsAsync(Ct)).Citations, (await Store.GetStatsAsync(Ct)).InferredCitations));
        }
    }
}
