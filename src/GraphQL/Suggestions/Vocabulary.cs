using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.GraphQL.Suggestions;

/// <summary>
/// The corpus's words and topics for "did you mean": every topic with its names (canonical name and aliases, lower-cased),
/// and every word of those names with the papers carrying it (the derive pass found the topics in titles, abstracts and
/// source keywords, so these are the corpus's own terms).
/// </summary>
internal sealed class Vocabulary
{
    private Vocabulary(IReadOnlyList<(Topic Topic, string[] Forms)> topics, IReadOnlyDictionary<string, int> words)
    {
        Topics = topics;
        Words = words;
    }

    /// <summary>Each topic with its lower-cased name and aliases.</summary>
    public IReadOnlyList<(Topic Topic, string[] Forms)> Topics { get; }

    /// <summary>Lower-cased words of topic names, each with the largest df of a topic using it (how common it is).</summary>
    public IReadOnlyDictionary<string, int> Words { get; }

    /// <summary>Reads every topic from the store, a page at a time.</summary>
    public static async Task<Vocabulary> LoadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        const int PageSize = 5_000;
        var topics = new List<(Topic, string[])>();
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var after = 0; ; after += PageSize)
        {
            var page = await store.GetTopicsAsync(PageSize, after, TopicOrder.Df, cancellationToken).ConfigureAwait(false);
            foreach (var topic in page.Items)
            {
                var forms = topic.Aliases.Prepend(topic.Name).Select(f => f.ToLowerInvariant()).Distinct().ToArray();
                topics.Add((topic, forms));
                foreach (var word in forms.SelectMany(Words_))
                {
                    words[word] = Math.Max(words.GetValueOrDefault(word), topic.Df);
                }
            }

            if (page.Items.Count < PageSize)
            {
                return new Vocabulary(topics, words);
            }
        }
    }

    /// <summary>The lower-cased words of a text: letters and digits, split at anything else.</summary>
    public static IEnumerable<string> Words_(string text) =>
        new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
