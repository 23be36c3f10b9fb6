using System.Diagnostics;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// The corpus-wide derive pass that runs after a load (topics need document frequencies over the whole corpus):
/// extracts topics from every paper, replaces the topic layer (topics, HAS_TOPIC, CO_TOPIC, CO_OCCURS) and the set of
/// inferred CITES (explicit citations are never touched nor shadowed), embedding first the papers whose text has no
/// current sentence embedding (the inferred citations' same-subject gate reads the vectors). Idempotent: running it again on the same store changes nothing and embeds nothing. Callable on its own.
/// </summary>
public sealed class TopicsAndLineage(IGraphStore store, DeriveOptions? options = null)
{
    private readonly DeriveOptions _options = options ?? new DeriveOptions();

    /// <summary>Runs the pass over every paper of the store.</summary>
    public async Task<DeriveReport> RunAsync(IProgress<DeriveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var corpus = new TopicCorpus(_options.Topics);
        var lineage = new List<LineagePaper>();
        // Held for every paper until the lineage gate: hashes as numbers, cleaned texts on disk (see SpilledTexts).
        var textHashes = new CompactTextHashes();
        // Acronyms and last names, one string each for the whole pass (see Compact).
        var pool = new StringPool();
        using var texts = _options.InferLineage && _options.SpillTexts ? new SpilledTexts(_options.SpillDirectory) : null;
        var batch = new List<PaperText>(_options.BatchSize);
        var (embedding, embeddingSkipped) = _options.Embed ? await PaperEmbedder.StartAsync(store, cancellationToken).ConfigureAwait(false) : (null, null);

        void Flush()
        {
            var extractions = new PaperExtraction[batch.Count];
            Parallel.For(
                0,
                batch.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Topics.Parallelism), CancellationToken = cancellationToken },
                i => extractions[i] = TopicExtractor.Extract(batch[i].Title, batch[i].Abstract, batch[i].Keywords));
            for (var i = 0; i < batch.Count; i++)
            {
                var extraction = Compact(extractions[i], pool);
                corpus.Add(batch[i].Id, extraction, batch[i].Year);
                embedding?.Add(batch[i].Id, batch[i].Title, batch[i].Abstract);
                if (_options.InferLineage)
                {
                    lineage.Add(LineagePaper.From(batch[i], extraction, texts, pool));
                    textHashes.Add(EmbeddingText.Hash(EmbeddingText.Of(batch[i].Title, batch[i].Abstract)));
                }
            }

            batch.Clear();
            progress?.Report(new DeriveProgress("extracting", corpus.PaperCount, null));
        }

        await foreach (var paper in store.ReadPaperTextsAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(paper);
            if (batch.Count >= _options.BatchSize)
            {
                Flush();
            }
        }

        Flush();
        progress?.Report(new DeriveProgress("topics", 0, corpus.PaperCount));
        var written = await WriteTopicsAsync(corpus, progress, cancellationToken).ConfigureAwait(false);

        // Before lineage: the same-subject gate of inferred citations reads the vectors. By far the slowest stage (tens of
        // papers a second on two cores), and a re-run with no new texts embeds nothing.
        var embedded = 0;
        if (embedding is not null)
        {
            (embedded, embeddingSkipped) = await embedding.RunAsync(_options, progress, cancellationToken).ConfigureAwait(false);
        }

        var inferred = 0;
        if (_options.InferLineage)
        {
            progress?.Report(new DeriveProgress("lineage", 0, lineage.Count));
            var citations = await InferAsync(lineage, corpus, textHashes, progress, cancellationToken).ConfigureAwait(false);
            // The lineage views are not read again: the store's write of the citations runs without them.
            lineage.Clear();
            lineage.TrimExcess();
            progress?.Report(new DeriveProgress("writing lineage", 0, citations.Count));
            // The inferred set is replaced as a whole, so what a re-run no longer infers (text changed, rules tightened) goes.
            inferred = await store.ReplaceInferredCitationsAsync(citations, cancellationToken).ConfigureAwait(false);
            progress?.Report(new DeriveProgress("writing lineage", citations.Count, citations.Count));
        }

        // What a later load measures its growth against (DeriveStage): the corpus this pass derived.
        await store.WriteFullDeriveAsync(new FullDeriveMark(corpus.PaperCount, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
        return new DeriveReport(corpus.PaperCount, written.Topics, written.HasTopic, written.CoTopic, written.CoOccurs, inferred, clock.Elapsed)
        {
            Embedded = embedded,
            EmbeddingsCurrent = embedding?.Current ?? 0,
            EmbeddingSkipped = embeddingSkipped,
        };
    }

    /// <summary>
    /// The inferred citations: the rules first, then the vectors of only the papers they proposed (not the corpus's),
    /// then the gate. In a method of its own so that the proposals and the judged candidates (with their signals and
    /// evidence, several hundred bytes a paper) are gone when the store writes the citations.
    /// </summary>
    private async Task<List<Citation>> InferAsync(
        List<LineagePaper> lineage, TopicCorpus corpus, CompactTextHashes textHashes, IProgress<DeriveProgress>? progress, CancellationToken cancellationToken)
    {
        // Each rule and step of the gate a stage of its own ("lineage: title phrases: writers: 0 of N").
        Action<LineageStep>? step = progress is null ? null : s => progress.Report(new DeriveProgress($"lineage: {s.Name}", 0, s.Count));
        var proposals = LineageInferrer.Propose(lineage, corpus.TopicIndexOf, corpus.PaperTopics, step);
        step?.Invoke(new LineageStep("reading vectors", proposals.Papers.Count));
        var semantic = store is IPaperVectorStore vectors && proposals.Papers.Count > 0
            ? await EmbeddingSimilarity.ReadAsync(vectors, [.. lineage.Select(p => p.Id)], textHashes, proposals.Papers, cancellationToken).ConfigureAwait(false)
            : null;
        if (_options.LineageSignalsPath is not { } signalsPath)
        {
            // Only the citations to write: each pair's winner at or above the threshold, without its signals.
            return LineageInferrer.Citations(lineage, corpus.PaperTopics, proposals, _options.MinConfidence, semantic: semantic, drain: true, step: step);
        }

        var candidates = LineageInferrer.Judge(lineage, corpus.PaperTopics, proposals, semantic: semantic, keepGated: true, drain: true, step: step);
        await LineageSignalsFile.WriteAsync(signalsPath, lineage, candidates, cancellationToken).ConfigureAwait(false);
        return LineageInferrer.OnePerPair(candidates).Where(c => c.Citation.Confidence >= _options.MinConfidence).Select(c => c.Citation).ToList();
    }

    /// <summary>
    /// What the pass keeps of an extraction for every paper until lineage has run (the topic corpus's entry and the lineage
    /// view share it): the acronym uses as <see cref="AcronymCounts"/> and the definitions as an exact array (none: the
    /// shared empty one). The candidates are not kept: the corpus has read them.
    /// </summary>
    private static PaperExtraction Compact(PaperExtraction extraction, StringPool pool) => extraction with
    {
        Definitions = extraction.Definitions.Count == 0 ? [] : [.. extraction.Definitions],
        AcronymUses = AcronymCounts.Of(extraction.AcronymUses, pool),
    };

    /// <summary>
    /// Builds the topic layer and writes it; returns its counts. In a method of its own so that nothing of the graph
    /// (the CO_TOPIC winners and topic lists, the HAS_TOPIC weights, the topics: ~200 bytes a paper) is still reachable
    /// while lineage runs: a local of <see cref="RunAsync"/> used after an await lives as long as that method does.
    /// </summary>
    private async Task<(int Topics, int HasTopic, int CoTopic, int CoOccurs)> WriteTopicsAsync(
        TopicCorpus corpus, IProgress<DeriveProgress>? progress, CancellationToken cancellationToken)
    {
        var graph = corpus.Build();
        progress?.Report(new DeriveProgress("writing topics", 0, graph.Topics.Count));
        await store.WriteTopicGraphAsync(graph, cancellationToken).ConfigureAwait(false);
        return (graph.Topics.Count, graph.HasTopic.Count, graph.CoTopic.Count, graph.CoOccurs.Count);
    }
}
