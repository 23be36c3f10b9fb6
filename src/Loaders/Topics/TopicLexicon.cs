using System.Collections.Frozen;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// The curated word lists of topic hygiene, kept as data files beside the code (Topics/Lexicon/*.txt, embedded in the
/// assembly) so they can be read and reviewed as lists: stop phrases, evaluative words, generic nouns, nominal -ing
/// words and stop acronyms. One entry a line; '#' starts a comment.
/// </summary>
internal static class TopicLexicon
{
    /// <summary>Canonical keys (<see cref="Graph.Model.TopicKey.Of"/>) of phrases that are never a topic ("training data").</summary>
    public static FrozenSet<string> StopPhraseKeys { get; } =
        FrozenSet.ToFrozenSet(Read("stop-phrases").Select(Graph.Model.TopicKey.Of).Where(k => k.Length > 0), StringComparer.Ordinal);

    /// <summary>Words saying how good or how much, never what ("limited", "incorrect"): a key phrase breaks at them.</summary>
    public static FrozenSet<string> Evaluative { get; } = FrozenSet.ToFrozenSet(Read("evaluative-words"), StringComparer.Ordinal);

    /// <summary>Nouns that name no subject on their own or with each other ("model", "data", "performance").</summary>
    public static FrozenSet<string> GenericNouns { get; } = FrozenSet.ToFrozenSet(Read("generic-nouns"), StringComparer.Ordinal);

    /// <summary>Words in -ing that are nouns in research text ("learning", "decoding"), so a phrase may end with them.</summary>
    public static FrozenSet<string> NominalGerunds { get; } = FrozenSet.ToFrozenSet(Read("nominal-gerunds"), StringComparer.Ordinal);

    /// <summary>Short forms that are no topic ("SOTA", in any case: "SotA", "SoTA").</summary>
    public static FrozenSet<string> StopAcronyms { get; } = FrozenSet.ToFrozenSet(Read("stop-acronyms"), StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Read(string name)
    {
        using var stream = typeof(TopicLexicon).Assembly.GetManifestResourceStream($"TopicLexicon.{name}.txt")
            ?? throw new InvalidOperationException($"The embedded topic lexicon '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var entry = (hash >= 0 ? line[..hash] : line).Trim();
            if (entry.Length > 0)
            {
                words.Add(name == "stop-acronyms" ? entry : entry.ToLowerInvariant());
            }
        }

        return words;
    }
}
