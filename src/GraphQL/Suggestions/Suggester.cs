using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;

namespace CiteGraph.GraphQL.Suggestions;

/// <summary>What <c>didYouMean</c> answers: the text with its misspelt words corrected from the corpus vocabulary, and the nearest topics.</summary>
/// <param name="Text">The text asked about.</param>
/// <param name="Corrected">The text with every word the corpus does not know replaced by the nearest one it knows; null when nothing changed.</param>
/// <param name="Corrections">Each replaced word with its replacement.</param>
/// <param name="Topics">Topics whose name or an alias is nearest to the text (or to its corrected form), nearest first.</param>
public sealed record DidYouMean(string Text, string? Corrected, IReadOnlyList<SpellingCorrection> Corrections, IReadOnlyList<Topic> Topics);

/// <summary>One word of the text and the corpus word it was probably meant to be.</summary>
public sealed record SpellingCorrection(string Word, string Suggestion);

/// <summary>
/// Answers <see cref="DidYouMean"/> from the corpus vocabulary, which it reads once per snapshot version (the snapshot is
/// rebuilt after every load or analytics run, so new topics are seen).
/// </summary>
internal sealed class Suggester(IGraphStore store, SnapshotHolder snapshots)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Version, Vocabulary Vocabulary)? _cached;

    public async Task<DidYouMean> SuggestAsync(string text, int first, CancellationToken cancellationToken)
    {
        var vocabulary = await VocabularyAsync(cancellationToken).ConfigureAwait(false);
        var corrections = new List<SpellingCorrection>();
        var words = Vocabulary.Words_(text).ToList();
        var corrected = words.Select(word =>
        {
            if (word.Length < 3 || vocabulary.Words.ContainsKey(word) || word.All(char.IsDigit))
            {
                return word;
            }

            var nearest = Spelling.Nearest(word, vocabulary.Words.Keys, candidate => vocabulary.Words[candidate]);
            if (nearest is null)
            {
                return word;
            }

            corrections.Add(new SpellingCorrection(word, nearest));
            return nearest;
        }).ToList();

        var asked = string.Join(' ', words);
        var fixedText = string.Join(' ', corrected);
        var topics = NearestTopics(vocabulary, asked, fixedText, corrected, first);
        return new DidYouMean(text, corrections.Count > 0 ? fixedText : null, corrections, topics);
    }

    /// <summary>
    /// Topics whose name or an alias is within a typo's distance of the text or its corrected form, or that hold every
    /// corrected word; nearest first, then most papers.
    /// </summary>
    private static List<Topic> NearestTopics(Vocabulary vocabulary, string asked, string fixedText, IReadOnlyList<string> words, int first)
    {
        var scored = new List<(Topic Topic, double Score)>();
        foreach (var (topic, forms) in vocabulary.Topics)
        {
            var best = 0.0;
            foreach (var form in forms)
            {
                foreach (var query in new[] { asked, fixedText })
                {
                    var longest = Math.Max(form.Length, query.Length);
                    if (longest == 0 || Math.Abs(form.Length - query.Length) > longest / 3)
                    {
                        continue;
                    }

                    best = Math.Max(best, 1.0 - (double)Spelling.Distance(query, form) / longest);
                }

                if (words.Count > 0 && words.All(w => Vocabulary.Words_(form).Contains(w)))
                {
                    best = Math.Max(best, 0.7);
                }
            }

            if (best >= 0.7)
            {
                scored.Add((topic, best));
            }
        }

        return [.. scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Topic.Df).ThenBy(s => s.Topic.Name, StringComparer.Ordinal)
            .Take(first).Select(s => s.Topic)];
    }

    private async Task<Vocabulary> VocabularyAsync(CancellationToken cancellationToken)
    {
        var version = snapshots.Current.Version;
        if (_cached is { } cached && cached.Version == version)
        {
            return cached.Vocabulary;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && again.Version == version)
            {
                return again.Vocabulary;
            }

            var vocabulary = await Vocabulary.LoadAsync(store, cancellationToken).ConfigureAwait(false);
            _cached = (version, vocabulary);
            return vocabulary;
        }
        finally
        {
            _gate.Release();
        }
    }
}
