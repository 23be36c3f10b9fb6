using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Graph.Traversal;

/// <summary>Ways two papers can be related.</summary>
[Flags]
public enum RelatedBy
{
    None = 0,

    /// <summary>Cited together by the same papers (Small, 1973).</summary>
    CoCitation = 1,

    /// <summary>Citing the same papers (Kessler, 1963).</summary>
    BibliographicCoupling = 2,

    /// <summary>Referencing the same code repository.</summary>
    SharedRepo = 4,

    /// <summary>Personalized PageRank from the paper over the undirected citation graph.</summary>
    PersonalizedPageRank = 8,

    /// <summary>Sharing idf-weighted topics (the paper's CO_TOPIC neighbours, from the store).</summary>
    CoTopic = 16,

    /// <summary>Similar in meaning: cosine of the title+abstract sentence embeddings (the API's vector index).</summary>
    Semantic = 32,

    All = CoCitation | BibliographicCoupling | SharedRepo | PersonalizedPageRank | CoTopic | Semantic,

    // The kinds below explain suggested references (SuggestionEngine); `related` does not compute them.

    /// <summary>Sharing rare title and abstract terms (TF-IDF cosine).</summary>
    KeyTerms = 64,

    /// <summary>Cited by the papers most similar to it.</summary>
    CitedBySimilar = 128,

    /// <summary>Cited often in the graph.</summary>
    Popularity = 256,

    /// <summary>Cited by the paper itself (explicitly, or inferred from its text).</summary>
    DirectCitation = 512,

    /// <summary>Of an age the graph's papers cite readily (a few years older, typically).</summary>
    Recency = 1024,

    /// <summary>Its terms go with the paper's (different) terms in earlier citations (a term association learned from them).</summary>
    TermAssociation = 2048,

    /// <summary>Close to what papers like it cite: embedding cosine after a map learned from earlier citations.</summary>
    CitationSemantic = 4096,
}

/// <summary>
/// Why a paper is related: which measure, its raw value, and a sentence a reader understands; for related papers, the
/// seed paper (CiteGraph id) the measure relates it to, and whether that seed is one the asker wants to move away from.
/// </summary>
public sealed record RelatedReason(RelatedBy Kind, double Value, string Detail, string? Seed = null, bool Negative = false);

/// <summary>A related paper (dense index), its combined score in [0, number of measures] and the reasons behind it.</summary>
public sealed record RelatedResult(int Paper, double Score, IReadOnlyList<RelatedReason> Reasons);

/// <summary>
/// Papers related to one paper, by co-citation, bibliographic coupling, shared repositories and personalized PageRank;
/// each measure is scaled to [0, 1] by its best candidate and the scaled values are summed.
/// </summary>
public static class Relatedness
{
    /// <summary>Citing (or cited) papers examined per paper, so that a paper cited 100,000 times stays cheap.</summary>
    private const int MaxFanOut = 2000;

    public static IReadOnlyList<RelatedResult> Compute(GraphSnapshot snapshot, int paper, RelatedBy by, int first)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var scores = new Dictionary<int, double>();
        // Each measure's raw values and how to explain one; the sentences are written only for the papers returned (a
        // popular paper has thousands of candidates, and formatting a reason for each was most of the work).
        var measures = new List<(RelatedBy Kind, Dictionary<int, double> Raw, Func<int, double, string> Detail)>(4);

        void Add(RelatedBy kind, Dictionary<int, double> raw, Func<int, double, string> detail)
        {
            raw.Remove(paper);
            if (raw.Count == 0)
            {
                return;
            }

            var max = raw.Values.Max();
            foreach (var (other, value) in raw)
            {
                if (snapshot.IsStub(other) || value <= 0)
                {
                    continue;
                }

                scores[other] = scores.GetValueOrDefault(other) + value / max;
            }

            measures.Add((kind, raw, detail));
        }

        var citations = snapshot.Citations;
        if ((by & RelatedBy.CoCitation) != 0)
        {
            var raw = new Dictionary<int, double>();
            foreach (var citing in Cap(citations.InNeighbors(paper)))
            {
                foreach (var cited in Cap(citations.OutNeighbors(citing)))
                {
                    raw[cited] = raw.GetValueOrDefault(cited) + 1;
                }
            }

            Add(RelatedBy.CoCitation, raw, (_, n) => $"cited together with it by {n:0} paper{(n == 1 ? "" : "s")}");
        }

        if ((by & RelatedBy.BibliographicCoupling) != 0)
        {
            var raw = new Dictionary<int, double>();
            foreach (var cited in Cap(citations.OutNeighbors(paper)))
            {
                foreach (var citing in Cap(citations.InNeighbors(cited)))
                {
                    raw[citing] = raw.GetValueOrDefault(citing) + 1;
                }
            }

            Add(RelatedBy.BibliographicCoupling, raw, (_, n) => $"shares {n:0} reference{(n == 1 ? "" : "s")} with it");
        }

        if ((by & RelatedBy.SharedRepo) != 0)
        {
            var raw = new Dictionary<int, double>();
            var via = new Dictionary<int, string>();
            foreach (var repo in snapshot.ReposOf(paper))
            {
                foreach (var mate in Cap(snapshot.PapersOfRepo(repo)))
                {
                    raw[mate] = raw.GetValueOrDefault(mate) + 1;
                    via.TryAdd(mate, snapshot.RepoUrl(repo));
                }
            }

            Add(RelatedBy.SharedRepo, raw, (other, n) => $"references the same repository {via[other]}" + (n > 1 ? $" (and {n - 1:0} more)" : ""));
        }

        if ((by & RelatedBy.PersonalizedPageRank) != 0)
        {
            var raw = PersonalizedPush.Compute(snapshot, paper);
            Add(RelatedBy.PersonalizedPageRank, raw, (_, p) => $"personalized PageRank {p:G3} from it");
        }

        return Best(snapshot, scores, first)
            .Select(s => new RelatedResult(s.Paper, s.Score, Reasons(s.Paper)))
            .ToList();

        List<RelatedReason> Reasons(int other)
        {
            var reasons = new List<RelatedReason>(measures.Count);
            foreach (var (kind, raw, detail) in measures)
            {
                if (raw.TryGetValue(other, out var value) && value > 0)
                {
                    reasons.Add(new RelatedReason(kind, value, detail(other, value)));
                }
            }

            return reasons;
        }
    }

    /// <summary>The <paramref name="first"/> best scores, ties by paper id: a bounded heap, not a sort of every candidate.</summary>
    private static IEnumerable<(int Paper, double Score)> Best(GraphSnapshot snapshot, Dictionary<int, double> scores, int first)
    {
        // The heap's root is the worst kept candidate: lower score, or the same score and the larger id.
        var worstFirst = Comparer<(int Paper, double Score)>.Create((a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(snapshot.PaperId(b.Paper), snapshot.PaperId(a.Paper)));
        var heap = new PriorityQueue<(int Paper, double Score), (int Paper, double Score)>(first + 1, worstFirst);
        foreach (var (other, score) in scores)
        {
            heap.Enqueue((other, score), (other, score));
            if (heap.Count > first)
            {
                heap.Dequeue();
            }
        }

        var best = new List<(int Paper, double Score)>(heap.Count);
        while (heap.Count > 0)
        {
            best.Add(heap.Dequeue());
        }

        best.Reverse();
        return best;
    }

    private static ReadOnlySpan<int> Cap(ReadOnlySpan<int> span) => span.Length > MaxFanOut ? span[..MaxFanOut] : span;
}
