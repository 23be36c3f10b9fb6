using System.Text.RegularExpressions;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Labels a community by the words its members' titles share most (scientific filler words left out), e.g.
/// "diffusion · sampling · guidance". Topics replace title words once papers carry topics.
/// </summary>
public static partial class CommunityLabeler
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "based", "by", "can", "do", "does", "for", "from", "how", "in", "into", "is",
        "it", "its", "learning", "model", "models", "new", "of", "on", "or", "our", "the", "their", "to", "towards",
        "using", "via", "we", "what", "when", "why", "with", "without", "you", "your", "approach", "method", "methods",
        "study", "analysis", "paper", "toward", "beyond", "through", "under", "over", "all", "more", "less", "not",
    };

    /// <summary>Up to <paramref name="terms"/> of the most frequent title words, most frequent first, ties alphabetical.</summary>
    public static string Label(IEnumerable<string> titles, int terms = 3)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            foreach (var word in Words().Matches(title.ToLowerInvariant()).Select(m => m.Value).Distinct())
            {
                if (word.Length > 2 && !StopWords.Contains(word))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(terms).Select(c => c.Key);
        var label = string.Join(" · ", top);
        return label.Length > 0 ? label : "(untitled)";
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-]*")]
    private static partial Regex Words();
}
