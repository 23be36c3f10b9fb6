using System.Globalization;
using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Writes proposed inferred citations with their signals as TSV (header line; citing and cited paper id, arXiv id and
/// year, confidence, the signals, evidence): the input of bench/lineage/fit_calibration.py and of error analysis.
/// </summary>
public static class LineageSignalsFile
{
    /// <summary>Writes <paramref name="candidates"/> (from <see cref="LineageInferrer.Candidates"/> over <paramref name="papers"/>) to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(
        string path, IReadOnlyList<LineagePaper> papers, IReadOnlyList<(Citation Citation, LineageSignals Signals)> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(candidates);
        var byId = papers.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync("citing\tcited\tciting_arxiv\tcited_arxiv\tciting_year\tcited_year\tconfidence\trule\tclaim\tuse\tagrees\tusers\tearlier\tdefiners\torder\ttitle_words\tsimilarity\ttopic_similarity\tsemantic\tproposed\tevidence").ConfigureAwait(false);
        foreach (var (citation, s) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = byId.GetValueOrDefault(citation.From);
            var to = byId.GetValueOrDefault(citation.To);
            var evidence = (citation.Evidence ?? "").Replace('\t', ' ').Replace('\n', ' ');
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{citation.From}\t{citation.To}\t{from?.ArxivId}\t{to?.ArxivId}\t{from?.Date?.Year}\t{to?.Date?.Year}\t{citation.Confidence}\t{s.Rule}\t{s.Claim}\t{s.Use}\t{(s.Agrees ? 1 : 0)}\t{s.Users}\t{s.Earlier}\t{s.Definers}\t{s.Order}\t{s.TitleWords}\t{s.Similarity:0.0000}\t{s.TopicSimilarity:0.0000}\t{s.Semantic:0.0000}\t{s.Proposed}\t{evidence}")).ConfigureAwait(false);
        }
    }
}
