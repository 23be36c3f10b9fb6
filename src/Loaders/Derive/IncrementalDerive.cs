using System.Diagnostics;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// The derive pass for the papers a load or ingest wrote, on a store a full pass (<see cref="TopicsAndLineage"/>) has
/// derived before: reads only those papers and what the store's indexes say they touch, and replaces only their derived
/// rows, in one transaction (<see cref="IIncrementalDeriveStore.WriteDerivedOfPapersAsync"/>), so a re-run after a crash
/// ends in the state one run gives.
/// <list type="bullet">
/// <item>Topics: the papers are described with the stored vocabulary and idf (<see cref="StoredVocabulary"/>); the df of
/// the topics they carry is recounted. New topics, idf and CO_OCCURS wait for the next full pass.</item>
/// <item>CO_TOPIC: each paper's top-k is built by <see cref="CoTopicBuilder"/> over the paper and every stored paper its
/// rarest topics' posting lists (the HAS_TOPIC index) hold, as the full pass walks them; a stored neighbour whose top-k
/// the paper now enters gets its list rebuilt from its stored list and the paper.</item>
/// <item>Lineage: the rules (<see cref="LineageInferrer"/>) run over the papers and the stored papers they may cite or be
/// cited by (<see cref="LineageNeighbourhood"/>); the citations with a paper on either side replace the papers' inferred
/// citations.</item>
/// </list>
/// </summary>
public sealed class IncrementalDerive(IGraphStore store, DeriveOptions? options = null)
{
    private readonly DeriveOptions _options = options ?? new DeriveOptions();

    /// <summary>Derives the papers <paramref name="paperIds"/> (unknown ids and stubs are skipped).</summary>
    public async Task<DeriveReport> RunAsync(
        IReadOnlyCollection<string> paperIds, IProgress<DeriveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var clock = Stopwatch.StartNew();
        var papers = await store.ReadPaperTextsAsync(paperIds, cancellationToken).ConfigureAwait(false);
        progress?.Report(new DeriveProgress("extracting", 0, papers.Count));
        var extractions = Extract(papers, cancellationToken);
        // What the papers carry already (a retry after a crash, a paper loaded again) is left out of the df they are derived with.
        var carried = (await store.ReadPaperTopicsAsync([.. papers.Select(p => p.Id)], cancellationToken).ConfigureAwait(false))
            .Values.SelectMany(list => list).CountBy(a => a.TopicId, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var stored = await store.ReadTopicsAsync(cancellationToken).ConfigureAwait(false);
        var fresh = await NewTopicsAsync(papers, extractions, stored, cancellationToken).ConfigureAwait(false);
        var vocabulary = new StoredVocabulary([.. stored, .. fresh], carried);
        var described = extractions.Select(e => vocabulary.Describe(e, _options.Topics.MaxTopicsPerPaper)).ToArray();
        var hasTopic = new List<TopicAssignment>();
        for (var i = 0; i < papers.Count; i++)
        {
            for (var j = 0; j < described[i].Topics.Length; j++)
            {
                hasTopic.Add(new TopicAssignment(papers[i].Id, vocabulary.Topics[described[i].Topics[j]].Id, described[i].Weights[j]));
            }
        }

        progress?.Report(new DeriveProgress("topics", papers.Count, papers.Count));
        var (owners, coTopic) = await CoTopicAsync(papers, described, vocabulary, cancellationToken).ConfigureAwait(false);
        // As the full pass does after CO_TOPIC (so they link no papers): each paper inherits the few most telling stored head
        // words of the topics it carries ("diffusion" from "latent diffusion"), weight x idf, half the carrying topic's weight.
        for (var i = 0; i < papers.Count; i++)
        {
            foreach (var (head, weight) in InheritedHeads(described[i], vocabulary, _options.Topics.MaxInheritedHeads))
            {
                hasTopic.Add(new TopicAssignment(papers[i].Id, vocabulary.Topics[head].Id, weight));
            }
        }

        var (embedding, embeddingSkipped) = _options.Embed ? await PaperEmbedder.StartAsync(store, cancellationToken).ConfigureAwait(false) : (null, null);
        var embedded = 0;
        if (embedding is not null)
        {
            foreach (var p in papers)
            {
                embedding.Add(p.Id, p.Title, p.Abstract);
            }

            (embedded, embeddingSkipped) = await embedding.RunAsync(_options, progress, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<Citation> citations = [];
        if (_options.InferLineage && papers.Count > 0)
        {
            progress?.Report(new DeriveProgress("lineage", 0, papers.Count));
            citations = await LineageAsync(papers, extractions, described, vocabulary, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new DeriveProgress("writing", 0, hasTopic.Count + coTopic.Count + citations.Count));
        var inferred = await store.WriteDerivedOfPapersAsync(
            new DerivedLayerUpdate([.. papers.Select(p => p.Id)], hasTopic, owners, coTopic, citations) { NewTopics = fresh }, cancellationToken).ConfigureAwait(false);
        return new DeriveReport(papers.Count, vocabulary.Count, hasTopic.Count, coTopic.Count, 0, inferred, clock.Elapsed)
        {
            Embedded = embedded,
            EmbeddingsCurrent = embedding?.Current ?? 0,
            EmbeddingSkipped = embeddingSkipped,
            Mode = DeriveMode.Incremental,
        };
    }

    /// <summary>
    /// The topics the papers bring among themselves that the store lacks: <see cref="TopicCorpus"/> over the papers alone
    /// (definitions, keywords and acronyms; key phrases two of them write), less every topic the stored vocabulary has
    /// by name or key. Their idf is over the whole corpus (only these papers carry them until the next full pass); their
    /// df starts at 0 and is counted by the write, so a re-run finds them stored and describes the papers alike.
    /// </summary>
    private async Task<List<Topic>> NewTopicsAsync(
        IReadOnlyList<PaperText> papers, PaperExtraction[] extractions, IReadOnlyList<Topic> stored, CancellationToken cancellationToken)
    {
        var batch = new TopicCorpus(_options.Topics);
        for (var i = 0; i < papers.Count; i++)
        {
            batch.Add(papers[i].Id, extractions[i]);
        }

        var known = new StoredVocabulary(stored);
        var names = stored.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var corpus = (await store.GetStatsAsync(cancellationToken).ConfigureAwait(false)).Papers;
        var fresh = new List<Topic>();
        foreach (var topic in batch.Build().Topics)
        {
            // An acronym may name several topics (two expansions); any other name the store knows is that topic.
            if (topic.Df == 0 || names.Contains(topic.Name) || known.IndexOf(TopicKey.Of(topic.Name)) >= 0 ||
                topic.Aliases.Any(a => !AcronymFinder.IsShortForm(a) && known.IndexOf(TopicKey.Of(a)) >= 0))
            {
                continue;
            }

            fresh.Add(new Topic(topic.Name, topic.Aliases, 0) { Idf = Math.Round(Math.Log(1.0 + (double)Math.Max(corpus, papers.Count) / topic.Df), 6) });
        }

        return fresh;
    }

    private PaperExtraction[] Extract(IReadOnlyList<PaperText> papers, CancellationToken cancellationToken)
    {
        var extractions = new PaperExtraction[papers.Count];
        Parallel.For(
            0,
            papers.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Topics.Parallelism), CancellationToken = cancellationToken },
            i => extractions[i] = TopicExtractor.Extract(papers[i].Title, papers[i].Abstract, papers[i].Keywords));
        return extractions;
    }

    /// <summary>The new papers' CO_TOPIC lists, and the stored neighbours' lists they enter: the owners and their rows.</summary>
    private async Task<(HashSet<string> Owners, List<CoTopicRow> Rows)> CoTopicAsync(
        IReadOnlyList<PaperText> papers, (int[] Topics, double[] Weights)[] described, StoredVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var options = _options.Topics;
        var mine = new HashSet<string>(papers.Select(p => p.Id), StringComparer.Ordinal);
        var owners = new HashSet<string>(mine, StringComparer.Ordinal);
        var rows = new List<CoTopicRow>();
        if (papers.Count == 0 || options.CoTopicK <= 0)
        {
            return (owners, rows);
        }

        // The posting lists CoTopicBuilder walks for these papers: their strongest topics, rarest first, within its budget.
        var walked = new HashSet<int>();
        foreach (var (topics, _) in described)
        {
            var budget = options.CoTopicCandidateBudget;
            foreach (var t in topics.Take(options.TopicsPerPaperForPairs).Where(t => vocabulary.Df[t] <= options.CoTopicMaxDf).OrderByDescending(t => vocabulary.Idf[t]))
            {
                if (budget <= 0)
                {
                    break;
                }

                walked.Add(t);
                budget -= vocabulary.Df[t];
            }
        }

        // The papers themselves may be on the lists already (a retry): read past them, so every run sees the same others.
        var postings = await store.ReadTopicPapersAsync([.. walked.Select(t => vocabulary.Topics[t].Id)], options.CoTopicMaxDf + mine.Count, cancellationToken).ConfigureAwait(false);
        var candidates = postings.Values.SelectMany(p => p.Where(id => !mine.Contains(id)).Take(options.CoTopicMaxDf)).Distinct(StringComparer.Ordinal).ToArray();
        var stored = await store.ReadPaperTopicsAsync(candidates, cancellationToken).ConfigureAwait(false);
        var topicIndex = vocabulary.Topics.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // The sub-corpus: the papers, then their candidates with their stored topics (strongest first, as the full pass keeps them).
        var ids = new List<string>(papers.Select(p => p.Id));
        var paperTopics = new List<int[]>(described.Select(d => d.Topics));
        foreach (var id in candidates)
        {
            ids.Add(id);
            paperTopics.Add(stored.TryGetValue(id, out var list) ? Carried(list, topicIndex, vocabulary) : []);
        }

        var built = await Task.Run(
            () => CoTopicBuilder.Build([.. paperTopics], vocabulary.Idf, vocabulary.Df, [.. ids], vocabulary.Topics, options), cancellationToken).ConfigureAwait(false);
        rows.AddRange(built.Where(r => mine.Contains(r.PaperId)));

        // A stored paper whose top-k a new paper enters: its stored list and the new paper's row, the best k kept.
        var entering = built.Where(r => !mine.Contains(r.PaperId) && mine.Contains(r.OtherId)).ToLookup(r => r.PaperId, StringComparer.Ordinal);
        if (entering.Count > 0)
        {
            var lists = (await store.ReadCoTopicRowsAsync([.. entering.Select(g => g.Key)], cancellationToken).ConfigureAwait(false))
                .ToLookup(r => r.PaperId, StringComparer.Ordinal);
            foreach (var group in entering)
            {
                var merged = lists[group.Key].Where(r => !mine.Contains(r.OtherId)).Concat(group)
                    .OrderByDescending(r => r.Weight).ThenBy(r => r.OtherId, StringComparer.Ordinal)
                    .Take(options.CoTopicK)
                    .ToList();
                if (merged.Any(r => mine.Contains(r.OtherId)) || lists[group.Key].Any(r => mine.Contains(r.OtherId)))
                {
                    owners.Add(group.Key);
                    rows.AddRange(merged);
                }
            }
        }

        return (owners, rows);
    }

    /// <summary>The inferred citations with one of the papers on either side, judged among the stored papers they touch.</summary>
    private async Task<IReadOnlyList<Citation>> LineageAsync(
        IReadOnlyList<PaperText> papers, PaperExtraction[] extractions, (int[] Topics, double[] Weights)[] described, StoredVocabulary vocabulary,
        CancellationToken cancellationToken)
    {
        var neighbours = await LineageNeighbourhood.FindAsync(store, papers, extractions, vocabulary, cancellationToken).ConfigureAwait(false);
        var others = await store.ReadPaperTextsAsync(neighbours, cancellationToken).ConfigureAwait(false);
        var otherExtractions = Extract(others, cancellationToken);
        var storedTopics = await store.ReadPaperTopicsAsync(neighbours, cancellationToken).ConfigureAwait(false);
        var topicIndex = vocabulary.Topics.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // The corpus of the rules: every paper in store order would be ideal; the new papers first, then their neighbours.
        var lineage = new List<LineagePaper>(papers.Count + others.Count);
        var paperTopics = new List<int[]>(papers.Count + others.Count);
        var hashes = new List<string>(papers.Count + others.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            lineage.Add(LineagePaper.From(papers[i], extractions[i]));
            paperTopics.Add(described[i].Topics);
            hashes.Add(EmbeddingText.Hash(EmbeddingText.Of(papers[i].Title, papers[i].Abstract)));
        }

        for (var i = 0; i < others.Count; i++)
        {
            lineage.Add(LineagePaper.From(others[i], otherExtractions[i]));
            paperTopics.Add(storedTopics.TryGetValue(others[i].Id, out var list) ? Carried(list, topicIndex, vocabulary) : []);
            hashes.Add(EmbeddingText.Hash(EmbeddingText.Of(others[i].Title, others[i].Abstract)));
        }

        var proposals = LineageInferrer.Propose(lineage, vocabulary.IndexOf, paperTopics);
        EmbeddingSimilarity? semantic = null;
        if (proposals.Papers.Count > 0)
        {
            var position = lineage.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            var vectors = new float[]?[lineage.Count];
            foreach (var v in await store.ReadVectorsOfAsync([.. proposals.Papers.Select(i => lineage[i].Id)], cancellationToken).ConfigureAwait(false))
            {
                if (position.TryGetValue(v.PaperId, out var i) && v.TextHash == hashes[i])
                {
                    vectors[i] = v.Vector;
                }
            }

            semantic = vectors.Any(v => v is not null) ? new EmbeddingSimilarity(vectors) : null;
        }

        var mine = new HashSet<string>(papers.Select(p => p.Id), StringComparer.Ordinal);
        return LineageInferrer.Citations(lineage, paperTopics, proposals, _options.MinConfidence, semantic: semantic)
            .Where(c => mine.Contains(c.From) || mine.Contains(c.To))
            .ToList();
    }

    /// <summary>
    /// The head topics a paper inherits: single-word stored topics that are head words of a multi-word topic it carries and
    /// not carried already, the best <paramref name="max"/> by weight x idf (the full pass ranks by the heads' document
    /// frequency the same way; here from the stored df).
    /// </summary>
    private static IEnumerable<(int Head, double Weight)> InheritedHeads((int[] Topics, double[] Weights) paper, StoredVocabulary vocabulary, int max)
    {
        var best = new Dictionary<int, double>();
        for (var j = 0; j < paper.Topics.Length; j++)
        {
            var words = vocabulary.Topics[paper.Topics[j]].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TopicKey.Of).ToArray();
            if (words.Length < 2)
            {
                continue;
            }

            foreach (var word in words)
            {
                var head = vocabulary.IndexOf(word);
                if (head >= 0 && !vocabulary.Topics[head].Name.Contains(' ', StringComparison.Ordinal) && TopicHierarchy.IsHeadWord(word)
                    && Array.IndexOf(paper.Topics, head) < 0)
                {
                    best[head] = Math.Max(best.GetValueOrDefault(head), 0.5 * paper.Weights[j]);
                }
            }
        }

        return best.OrderByDescending(b => b.Value * vocabulary.Idf[b.Key]).ThenBy(b => b.Key).Take(max)
            .OrderBy(b => b.Key).Select(b => (b.Key, Math.Round(b.Value, 6)));
    }

    /// <summary>
    /// A stored paper's topics as the full pass saw them when it built CO_TOPIC and lineage: without the head words it
    /// inherited afterwards. An inherited row is recognised by its weight, exactly half (rounded as written) of a
    /// multi-word topic of the same paper that contains the head word.
    /// </summary>
    private static int[] Carried(IReadOnlyList<TopicAssignment> list, IReadOnlyDictionary<string, int> topicIndex, StoredVocabulary vocabulary)
    {
        var topics = list.Select(a => (Index: topicIndex.GetValueOrDefault(a.TopicId, -1), a.Weight)).Where(t => t.Index >= 0).ToList();
        var keys = topics.Select(t => vocabulary.Topics[t.Index].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TopicKey.Of).ToArray()).ToList();
        bool Inherited(int i) => keys[i].Length == 1 && topics.Where((_, j) => keys[j].Length > 1 && keys[j].Contains(keys[i][0], StringComparer.Ordinal))
            .Any(t => Math.Round(0.5 * t.Weight, 6) == topics[i].Weight);
        return [.. topics.Where((_, i) => !Inherited(i)).Select(t => t.Index)];
    }
}
