using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Suggest;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>Papers of made-up words for small suggestion stores: a paper by arXiv id, a citation, and unrelated fillers.</summary>
internal static class MadeUpPapers
{
    /// <summary>Thirty papers of 2010, each of words no other paper uses (so that the words a test shares stay rare for TF-IDF).</summary>
    public static IEnumerable<ResolvedRecord> Fillers()
    {
        string[] syllables = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "tu", "vo", "xe"];
        for (var n = 0; n < 30; n++)
        {
            var words = Enumerable.Range(0, 6).Select(w => "fil" + syllables[n % 10] + syllables[((n / 10) + (3 * w)) % 10] + syllables[w]).ToArray();
            yield return Record($"1001.{n:00000}", "2010-01-01", $"{words[0]} {words[1]}", $"{words[2]} {words[3]} {words[4]} {words[5]}.");
        }
    }

    /// <summary>The paper's dense index in the corpus's snapshot.</summary>
    public static int Index(SuggestionCorpus corpus, string arxiv) =>
        corpus.Snapshot.TryGetIndex(PaperId.For(arxiv, null, ""), out var index) ? index : throw new KeyNotFoundException(arxiv);

    public static Citation Cites(string citing, string cited) => new(PaperId.For(citing, null, ""), PaperId.For(cited, null, ""), CitationKind.Explicit);

    public static ResolvedRecord Record(string arxiv, string published, string title, string @abstract) =>
        Some.Resolved(Some.Record(title, arxiv: arxiv, published: published, @abstract: @abstract));
}
