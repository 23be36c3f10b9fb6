using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// Broader and narrower topics. A topic is narrower than another whose words it contains as a contiguous run ("latent
/// diffusion models" contains "diffusion models" and "latent diffusion"; both contain "diffusion"): each topic links to
/// the longest such runs that are topics themselves, so the links form a hierarchy rather than every containment.
/// Words compare by their canonical form (case, plural, spelling and hyphenation folded); generic nouns ("model") are
/// never broader.
/// <para>
/// <b>Head words.</b> A single word used as the head (last word) of at least one topic and contained in at least
/// <see cref="TopicOptions.MinNarrowerForHead"/> topics is a head topic, made when not already one ("diffusion" from
/// "diffusion models", "latent diffusion", "video diffusion", …), provided the word is a noun and not on the stop or
/// generic lists. A head word stands for its field: its papers are those naming it or a topic containing it, at half
/// the weight of the topic they name; each paper inherits its <see cref="TopicOptions.MaxInheritedHeads"/> most telling
/// ones (weight × idf of the head, so a specific head outranks a common one). Those inherited rows are added after CO_TOPIC and CO_OCCURS are computed, so they
/// never make two papers co-topic by themselves.
/// </para>
/// </summary>
internal static class TopicHierarchy
{
    /// <summary>What the hierarchy adds to a built topic layer.</summary>
    /// <param name="Heads">Head topics made (appended after the existing topics, in this order).</param>
    /// <param name="Links">BROADER links over the existing topics and the heads.</param>
    /// <param name="Inherited">Per paper, the head topics it carries through a narrower topic, with the weight.</param>
    public sealed record Result(List<Topic> Heads, List<TopicLinkRow> Links, Dictionary<int, List<(int Topic, double Weight)>> Inherited);

    public static Result Build(IReadOnlyList<Topic> topics, int[][] paperTopics, float[][] paperWeights, TopicOptions options)
    {
        var words = topics.Select(t => t.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TopicKey.Of).ToArray()).ToArray();
        var surfaces = topics.Select(t => t.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var byPhrase = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < topics.Count; t++)
        {
            var phrase = string.Join(' ', words[t]);
            if (phrase.Length > 0 && (!byPhrase.TryGetValue(phrase, out var seen) || topics[seen].Df < topics[t].Df))
            {
                byPhrase[phrase] = t;
            }
        }

        // Which multi-word topics contain each word, and whether the word heads one of them.
        var containing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var headsSome = new HashSet<string>(StringComparer.Ordinal);
        var surfaceOf = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var t = 0; t < topics.Count; t++)
        {
            if (words[t].Length < 2 || words[t].Length != surfaces[t].Length)
            {
                continue;
            }

            headsSome.Add(words[t][^1]);
            for (var i = 0; i < words[t].Length; i++)
            {
                var w = words[t][i];
                if (!containing.TryGetValue(w, out var list))
                {
                    containing[w] = list = [];
                    surfaceOf[w] = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                if (list.Count == 0 || list[^1] != t)
                {
                    list.Add(t);
                }

                var surface = surfaces[t][i];
                surfaceOf[w][surface] = surfaceOf[w].GetValueOrDefault(surface) + topics[t].Df;
            }
        }

        // Head words: existing single-word topics and new ones (never a second topic of an existing name).
        var names = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var heads = new List<Topic>();
        var headOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, list) in containing.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (list.Count < options.MinNarrowerForHead || !headsSome.Contains(word) || !IsHeadWord(word))
            {
                continue;
            }

            if (byPhrase.TryGetValue(word, out var existing))
            {
                headOf[word] = existing;
                continue;
            }

            // Displayed as the most used form among its narrower topics ("diffusion", "agents" → the commoner).
            var surface = surfaceOf[word].OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
            // Lower case unless written in capitals only, as an acronym is ("TOken" in one title is "token").
            var name = surface.Any(char.IsLower) ? surface.ToLowerInvariant() : surface;
            if (NounPhrase.TagOf(name.ToLowerInvariant()) != WordTag.Noun || !names.Add(name))
            {
                continue;
            }

            var index = topics.Count + heads.Count;
            heads.Add(new Topic(name, [], 0));
            headOf[word] = index;
            byPhrase[word] = index;
        }

        // Each topic links to the longest contained runs that are topics (the heads included).
        var links = new List<TopicLinkRow>();
        for (var t = 0; t < topics.Count; t++)
        {
            var w = words[t];
            for (var length = w.Length - 1; length >= 1; length--)
            {
                var found = false;
                for (var start = 0; start + length <= w.Length; start++)
                {
                    var run = w.AsSpan(start, length);
                    if (length == 1 && (TopicLexicon.GenericNouns.Contains(run[0]) || !headOf.ContainsKey(run[0]) && !byPhrase.ContainsKey(run[0])))
                    {
                        continue;
                    }

                    if (byPhrase.TryGetValue(string.Join(' ', run.ToArray()), out var broader) && broader != t &&
                        !(length > 1 && run.ToArray().All(x => TopicLexicon.GenericNouns.Contains(x))))
                    {
                        links.Add(new TopicLinkRow(t, broader));
                        found = true;
                    }
                }

                if (found)
                {
                    break;
                }
            }
        }

        // Papers inherit the head words of the topics they carry: every candidate first, to know how common each head is.
        var candidates = new Dictionary<int, double>?[paperTopics.Length];
        var headPapers = new Dictionary<int, int>();
        for (var p = 0; p < paperTopics.Length; p++)
        {
            Dictionary<int, double>? best = null;
            for (var i = 0; i < paperTopics[p].Length; i++)
            {
                var t = paperTopics[p][i];
                if (words[t].Length < 2)
                {
                    continue;
                }

                foreach (var word in words[t])
                {
                    if (headOf.TryGetValue(word, out var head) && Array.IndexOf(paperTopics[p], head) < 0)
                    {
                        best ??= [];
                        best[head] = Math.Max(best.GetValueOrDefault(head), 0.5 * paperWeights[p][i]);
                    }
                }
            }

            candidates[p] = best;
            foreach (var head in best?.Keys ?? Enumerable.Empty<int>())
            {
                headPapers[head] = headPapers.GetValueOrDefault(head) + 1;
            }
        }

        // Then each paper keeps its few most telling heads: weight × idf, so "diffusion" outranks "language" in a paper on both.
        var inherited = new Dictionary<int, List<(int, double)>>();
        var n = paperTopics.Length;
        for (var p = 0; p < n; p++)
        {
            if (candidates[p] is { } best)
            {
                inherited[p] = [.. best
                    .OrderByDescending(b => b.Value * Math.Log(1.0 + (double)n / (headPapers[b.Key] + (b.Key < topics.Count ? topics[b.Key].Df : 0))))
                    .ThenBy(b => b.Key)
                    .Take(options.MaxInheritedHeads)
                    .OrderBy(b => b.Key)
                    .Select(b => (b.Key, Math.Round(b.Value, 6)))];
            }
        }

        return new Result(heads, links, inherited);
    }

    /// <summary>Whether a word may head topics: a content word, not a stop, evaluative or generic one.</summary>
    internal static bool IsHeadWord(string word) =>
        word.Length >= 3 && word.Any(char.IsLetter) && !word.Any(char.IsDigit) && !StopWords.All.Contains(word) &&
        !TopicLexicon.Evaluative.Contains(word) && !TopicLexicon.GenericNouns.Contains(word);
}
