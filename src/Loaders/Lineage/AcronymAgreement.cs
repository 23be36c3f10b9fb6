using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Lineage;

/// <summary>What a citing text says an acronym stands for, compared with the expansion its supposed introducer gave.</summary>
internal enum Agreement
{
    /// <summary>The text spells out no phrase with the acronym's initials: nothing to compare.</summary>
    Silent,

    /// <summary>The text contains the introducer's expansion.</summary>
    Agrees,

    /// <summary>The text spells the initials out as something else ("dynamic mode decomposition" for DMD, not "distribution matching distillation").</summary>
    Disagrees,
}

/// <summary>
/// Checks an acronym against its expansion in a citing text, also where the text never parenthesizes it: a Koopman
/// paper writes "Deep Embedded Multiplicative Dynamic Mode Decomposition (DeepMDMD)" and "DMD" in its title, and the
/// run of content words "dynamic mode decomposition" spells DMD out, so its DMD is not "distribution matching distillation".
/// </summary>
internal static class AcronymAgreement
{
    /// <summary>How <paramref name="text"/> relates to <paramref name="expansion"/> as the meaning of <paramref name="acronym"/>.</summary>
    public static Agreement Check(string text, string acronym, string expansion)
    {
        var expansionWords = ContentWords(expansion);
        var words = ContentWords(text);
        if (expansionWords.Length > 0 && IndexOf(words, expansionWords) >= 0)
        {
            return Agreement.Agrees;
        }

        // Initials of the acronym's capitals ("MoE" → ME over "mixture of experts" once "of" is dropped).
        var initials = new string([.. acronym.Where(char.IsUpper).Select(char.ToLowerInvariant)]);
        if (initials.Length < 3)
        {
            return Agreement.Silent;
        }

        for (var start = 0; start + initials.Length <= words.Length; start++)
        {
            var match = true;
            for (var k = 0; k < initials.Length && match; k++)
            {
                match = words[start + k][0] == initials[k] && words[start + k].Length > 1;
            }

            if (match)
            {
                return Agreement.Disagrees;
            }
        }

        return Agreement.Silent;
    }

    private static string[] ContentWords(string text) =>
        [.. TopicKey.Words(text).Where(w => !StopWords.Function.Contains(w) && !w.All(char.IsDigit)).Select(w => TopicKey.Singular(TopicKey.American(w)))];

    private static int IndexOf(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return i;
            }
        }

        return -1;
    }
}
