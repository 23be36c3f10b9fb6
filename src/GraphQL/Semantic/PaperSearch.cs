using CiteGraph.Embeddings;
using CiteGraph.Graph.Storage;

namespace CiteGraph.GraphQL.Semantic;

/// <summary>
/// Search by words, by meaning, or both: the one code path behind GraphQL <c>search</c> and <c>citegraph search</c>.
/// </summary>
/// <remarks>
/// HYBRID is reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each paper scores
/// <c>Σ 1 / (RrfK + rank)</c> over the keyword list and the semantic list it appears in (ranks from 1), each list
/// <see cref="CandidateDepth"/> deep. RRF needs no score calibration between BM25 and cosine, which live on unrelated
/// scales; a paper high on both lists wins, a paper on one list still places.
/// </remarks>
public sealed class PaperSearch(IGraphStore store, SemanticIndexHolder index, ITextEmbedder embedder)
{
    /// <summary>The rank offset of reciprocal rank fusion (60, the value of the original paper).</summary>
    public const int RrfK = 60;

    /// <summary>How deep each list is read before fusing: at least this many, or the page size if larger.</summary>
    public const int CandidateDepth = 50;

    private const int SnippetLength = 200;

    /// <summary>The best <paramref name="first"/> papers for <paramref name="text"/> in a mode.</summary>
    /// <exception cref="SemanticUnavailableException">SEMANTIC was asked for and no vectors are stored, or the model cannot load.</exception>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, SearchMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        switch (mode)
        {
            case SearchMode.Keyword:
                return await store.SearchAsync(text, first, cancellationToken).ConfigureAwait(false);
            case SearchMode.Semantic:
                return await SemanticAsync(text, first, required: true, cancellationToken).ConfigureAwait(false);
            default:
                var depth = Math.Max(first, CandidateDepth);
                var keyword = await store.SearchAsync(text, depth, cancellationToken).ConfigureAwait(false);
                var semantic = await SemanticAsync(text, depth, required: false, cancellationToken).ConfigureAwait(false);
                return semantic.Count == 0 ? keyword.Take(first).ToList() : Fuse(keyword, semantic, first);
        }
    }

    /// <summary>Reciprocal rank fusion of two ranked lists; a paper on both keeps the keyword snippet (it shows the matched words).</summary>
    public static IReadOnlyList<SearchHit> Fuse(IReadOnlyList<SearchHit> keyword, IReadOnlyList<SearchHit> semantic, int first)
    {
        var fused = new Dictionary<string, (SearchHit Hit, double Score)>(StringComparer.Ordinal);
        foreach (var list in new[] { keyword, semantic })
        {
            for (var rank = 0; rank < list.Count; rank++)
            {
                var hit = list[rank];
                var add = 1.0 / (RrfK + rank + 1);
                fused[hit.Paper.Id] = fused.TryGetValue(hit.Paper.Id, out var seen) ? (seen.Hit, seen.Score + add) : (hit, add);
            }
        }

        return fused.Values
            .OrderByDescending(f => f.Score).ThenBy(f => f.Hit.Paper.Id, StringComparer.Ordinal)
            .Take(first)
            .Select(f => f.Hit with { Score = f.Score })
            .ToList();
    }

    private async Task<IReadOnlyList<SearchHit>> SemanticAsync(string text, int first, bool required, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var vectors = await index.GetAsync(cancellationToken).ConfigureAwait(false);
        if (vectors.Count == 0)
        {
            return required
                ? throw new SemanticUnavailableException("No paper has a sentence embedding yet: run 'citegraph derive' (without --no-embed) to compute them.")
                : [];
        }

        float[] query;
        try
        {
            query = embedder.Embed([text], cancellationToken)[0];
        }
        catch (EmbedderUnavailableException) when (!required)
        {
            // HYBRID degrades to keyword search; SEMANTIC reports the cause below.
            return [];
        }
        catch (EmbedderUnavailableException e)
        {
            throw new SemanticUnavailableException(e.Message, e);
        }

        var hits = vectors.Search(query, first);
        var papers = await store.GetPapersAsync(hits.Select(h => h.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return hits.Where(h => papers.ContainsKey(h.Id))
            .Select(h => new SearchHit(papers[h.Id], h.Score, Snippet(papers[h.Id].Abstract ?? papers[h.Id].Title)))
            .ToList();
    }

    /// <summary>The start of the abstract: a semantic match has no matched words to show.</summary>
    private static string Snippet(string text)
    {
        if (text.Length <= SnippetLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SnippetLength);
        return text[..(cut > SnippetLength / 2 ? cut : SnippetLength)] + "…";
    }
}
