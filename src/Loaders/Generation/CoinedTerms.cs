using System.Globalization;
using System.Text;

namespace CiteGraph.Loaders.Generation;

/// <summary>
/// The coined method names of <see cref="GeneratorOptions.CoinedTerms"/>: a made-up word spelled from syllables by its rank
/// and a noun, drawn log-uniformly from a vocabulary a tenth the size of the corpus, so a few names are in thousands of
/// papers and most in a handful.
/// </summary>
internal static class CoinedTerms
{
    private static readonly string[] Syllables =
        ["ka", "lo", "vex", "tri", "mo", "zen", "ra", "pul", "di", "sor", "ne", "qui", "tam", "bri", "fo", "gal"];

    private static readonly string[] Nouns =
        ["sampler", "estimator", "attention", "objective", "kernel", "benchmark", "encoder", "schedule"];

    /// <summary>Two names for paper <paramref name="index"/>, from a sequence of their own (the rest of the paper is unchanged).</summary>
    public static (string First, string Second) Draw(GeneratorOptions options, int index)
    {
        var rng = new SyntheticCorpus.SplitMix64((options.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)index) + 0xC0DEC0DEUL);
        var vocabulary = Math.Max(1_000, options.Papers / 10);
        return (Name(rng, vocabulary), Name(rng, vocabulary));
    }

    /// <summary>The name with each word capitalized, as a title writes it.</summary>
    public static string Capitalized(string name) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name);

    private static string Name(SyntheticCorpus.SplitMix64 rng, int vocabulary)
    {
        // Log-uniform rank: P(rank < r) = ln(r + 1) / ln(V), so the rank-r name's share falls as 1/r (Zipf's law).
        var rank = (int)Math.Min(vocabulary - 1, Math.Exp(rng.NextDouble() * Math.Log(vocabulary)) - 1);
        var word = new StringBuilder(12);
        // Base-16 digits of rank + 16, so every word has at least two syllables.
        for (var digits = rank + Syllables.Length; digits > 0; digits /= Syllables.Length)
        {
            word.Append(Syllables[digits % Syllables.Length]);
        }

        return word.Append(' ').Append(Nouns[(int)(((uint)rank * 2654435761u) >> 29)]).ToString();
    }
}
