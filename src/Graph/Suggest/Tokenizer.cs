using System.Collections.Frozen;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// Splits title and abstract text into the terms <see cref="TermIndex"/> weighs: lower-cased words of letters and digits
/// (hyphenated words split), English and paper-boilerplate stop words dropped, a plural "s" folded, and each pair of
/// adjacent kept words as a bigram ("policy gradient"), because a phrase names a method where its words do not.
/// </summary>
public static class Tokenizer
{
    private static readonly FrozenSet<string> StopWords = (
        "a about above across after again against all almost also although always among an and another any are as at " +
        "be because been before being below between both but by can could did do does doing done due during each either " +
        "et etc for from further had has have having here how however if in into is it its itself just less many may " +
        "more most much must no nor not now of off often on once one only or other our ours out over own per rather " +
        "same several should show shows shown since so some such than that the their them then there these they this " +
        "those though through thus to too under until up upon us use used uses using very via was we well were what " +
        "when where whether which while who whom whose why will with within without would yet you your " +
        "paper propose proposed proposes present presents new novel approach approaches method methods result results " +
        "work study demonstrate demonstrates existing based achieve achieves state art first two three problem problems " +
        "show showing experiment experiments experimental provide provides significantly better model models").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The terms of a text, in order: each kept word, and after each word the bigram it forms with the kept word before it.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        string? previous = null;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = Normalize(text.AsSpan(start, i - start));
                start = -1;
                if (word is null)
                {
                    // A stop word or a number breaks a phrase: "learning of policies" makes no bigram "learning policies".
                    previous = null;
                    continue;
                }

                yield return word;
                if (previous is not null)
                {
                    yield return previous + " " + word;
                }

                previous = word;
            }
        }
    }

    private static string? Normalize(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2)
        {
            return null;
        }

        var word = raw.ToString().ToLowerInvariant();
        if (StopWords.Contains(word) || word.All(char.IsDigit))
        {
            return null;
        }

        // Plurals fold onto the singular ("networks" → "network"), leaving "loss", "analysis" and short words alone.
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            word = word[..^1];
        }

        return word;
    }
}
