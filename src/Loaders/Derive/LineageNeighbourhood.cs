using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// The stored papers the lineage rules need beside a few new ones to find every inferred citation with a new paper on
/// either side, found through the store's indexes (never a scan): the papers a new paper's ids point to and those whose
/// text mentions a new paper's arXiv id or DOI; for every name a new paper coins, defines or uses, the papers writing it
/// (full-text index) and those carrying its expansion topic (HAS_TOPIC index); the papers writing a phrase of a new
/// title, or its title-name, or its whole title; the papers whose title holds a key phrase a new paper writes; the papers
/// naming a new paper's first author "et al.". A name or phrase written more often than its rule allows (a name by more
/// than 400 papers, a title phrase by more than 20) proposes nothing on the whole corpus, so its writers are not read:
/// that keeps the rules' corpus to a few thousand papers on a large store. The rules then count users among the papers
/// read, which differs from the corpus-wide count where a common name's users were left out (measured against the full
/// pass in IncrementalDeriveTests and bench/RESULTS.md).
/// </summary>
internal static class LineageNeighbourhood
{
    // Just above the rules' limits (LineageInferrer: MaxUsersOfName 400, MaxPhraseWriters 20): enough to know a name or
    // phrase is too common, never more.
    private const int NameUsers = 402;
    private const int PhraseWriters = 22;
    private const int TitleWriters = 50;

    /// <summary>The ids of the stored papers to judge beside <paramref name="papers"/> (not including them).</summary>
    public static async Task<HashSet<string>> FindAsync(
        IIncrementalDeriveStore store, IReadOnlyList<PaperText> papers, IReadOnlyList<PaperExtraction> extractions, StoredVocabulary vocabulary,
        CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var mentioned = papers.SelectMany(p => p.Mentions).Where(m => m.Kind is ExternalIdKind.Arxiv or ExternalIdKind.Doi).Distinct().ToArray();
        found.UnionWith(await store.FindPapersByExternalIdsAsync(mentioned, cancellationToken).ConfigureAwait(false));
        var own = papers.SelectMany(p => new[] { p.ArxivId is { } a ? new ExternalId(ExternalIdKind.Arxiv, a) : null, p.Doi is { } d ? new ExternalId(ExternalIdKind.Doi, d) : null })
            .OfType<ExternalId>().Distinct().ToArray();
        found.UnionWith(await store.FindPapersMentioningAsync(own, cancellationToken).ConfigureAwait(false));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var expansionTopics = new HashSet<string>(StringComparer.Ordinal);
        var titlePhrases = new HashSet<string>(StringComparer.Ordinal);
        var textPhrases = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            var lineage = LineagePaper.From(papers[i], extractions[i]);
            foreach (var d in lineage.Definitions)
            {
                names.Add(d.Acronym);
                if (vocabulary.IndexOf(TopicKey.Of(d.Expansion)) is >= 0 and var t)
                {
                    expansionTopics.Add(vocabulary.Topics[t].Id);
                }
            }

            names.UnionWith(lineage.AcronymUses.Keys);
            names.UnionWith(AcronymFinder.CoinedNames(lineage.Text).Select(c => c.Name));
            if (LineageInferrer.TitleName(lineage.Title) is { } titleName)
            {
                names.Add(titleName);
            }

            var colon = lineage.Title.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                titlePhrases.Add(lineage.Title[..colon]);
            }

            titlePhrases.UnionWith(TitlePhrases(lineage.Title));
            textPhrases.UnionWith(extractions[i].Candidates.Where(c => c.Key.Contains(' ', StringComparison.Ordinal)).Select(c => c.Surface));
            if (lineage.Title.Length >= 25)
            {
                titles.Add(lineage.Title);
            }

            if (lineage.FirstAuthor is { } author)
            {
                titlePhrases.Add(author + " et al");
            }
        }

        // Whoever uses a name (or carries the topic it stands for) counts for the method rule: who coined it, who used it
        // first. A name or phrase the corpus writes more often than its rule allows proposes nothing, so its writers are
        // left out (they would only make the rules' corpus larger; the papers themselves are read past, so that a retry,
        // when they carry their topics already, finds the same others).
        var mine = papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        void AddRare(IEnumerable<IReadOnlyList<string>> lists, int cap)
        {
            foreach (var list in lists)
            {
                var others = list.Where(id => !mine.Contains(id)).ToList();
                if (others.Count < cap)
                {
                    found.UnionWith(others);
                }
            }
        }

        AddRare((await store.FindPapersWritingAsync(names, NameUsers + mine.Count, cancellationToken: cancellationToken).ConfigureAwait(false)).Values, NameUsers);
        AddRare((await store.ReadTopicPapersAsync(expansionTopics, NameUsers + mine.Count, cancellationToken).ConfigureAwait(false)).Values, NameUsers);
        AddRare((await store.FindPapersWritingAsync(titlePhrases, PhraseWriters + mine.Count, cancellationToken: cancellationToken).ConfigureAwait(false)).Values, PhraseWriters);
        // A stored title holding a phrase a new paper writes: the new paper may cite it (phrase rule), or quote it whole.
        AddRare((await store.FindPapersWritingAsync(textPhrases, PhraseWriters + mine.Count, titleOnly: true, cancellationToken).ConfigureAwait(false)).Values, PhraseWriters);
        AddRare((await store.FindPapersWritingAsync(titles, TitleWriters + mine.Count, cancellationToken: cancellationToken).ConfigureAwait(false)).Values, TitleWriters);

        foreach (var p in papers)
        {
            found.Remove(p.Id);
        }

        return found;
    }

    // The 2–4 word phrases of a title that begin and end on a content word, as the phrase rule reads titles.
    private static IEnumerable<string> TitlePhrases(string title)
    {
        var words = TopicKey.Words(title).Select(TopicKey.American).ToArray();
        for (var start = 0; start < words.Length; start++)
        {
            if (StopWords.Function.Contains(words[start]))
            {
                continue;
            }

            for (var n = 2; n <= 4 && start + n <= words.Length; n++)
            {
                if (!StopWords.Function.Contains(words[start + n - 1]))
                {
                    yield return string.Join(' ', words, start, n);
                }
            }
        }
    }
}
