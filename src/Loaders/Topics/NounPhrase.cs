using System.Collections.Frozen;
using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>The part of speech <see cref="NounPhrase"/> gives a word of a candidate phrase.</summary>
internal enum WordTag
{
    /// <summary>A noun, or a word in -ing that research text uses as one ("learning").</summary>
    Noun,

    /// <summary>An adjective by its suffix ("expensive", "semantic", "scalable").</summary>
    Adjective,

    /// <summary>A past participle ("trained", "limited"): an adjective before a noun, a verb after one.</summary>
    Participle,

    /// <summary>A verb in -ing that is no noun ("employing", "enhancing").</summary>
    Gerund,

    /// <summary>An adverb ("significantly").</summary>
    Adverb,
}

/// <summary>
/// The noun-phrase pattern a key phrase must match to be a topic: <c>(modifier)* noun</c>, where a modifier is any
/// word and the head (the last word) is a noun. Words are tagged by a small lexicon-and-suffix tagger (no model): a
/// word in -ing is a noun only when the lexicon says research text uses it as one ("learning", "decoding"); -ed is a
/// participle; -ous, -ive, -ful, -less, -able, -ible, -ic, -ical, -ual, -ial, -ary, -ly mark adjectives and adverbs,
/// less the nouns with those endings ("objective", "variable", "retrieval", "logic"). A candidate run of words is
/// trimmed to the pattern (verbs leading, non-nouns trailing), then kept only with two words or more, at least one of
/// them not generic (<c>training data</c> is two generic nouns) and not on the stop-phrase list.
/// </summary>
internal static class NounPhrase
{
    private static readonly string[] AdjectiveSuffixes =
        ["ous", "ive", "ful", "less", "able", "ible", "ical", "ic", "ual", "ial", "ary", "ent", "ant"];

    // Nouns that carry an adjective's ending. Only the head position consults this (a modifier may be either).
    private static readonly FrozenSet<string> NounExceptions = FrozenSet.ToFrozenSet(
    [
        "objective", "objectives", "incentive", "alternative", "alternatives", "directive", "primitive", "primitives", "derivative",
        "derivatives", "narrative", "narratives", "positive", "positives", "negative", "negatives", "perspective", "perspectives",
        "representative", "initiative", "executive", "relative", "detective", "adjective", "motive", "archive", "archives",
        "drive", "hive", "olive", "native", "generative", "table", "tables", "variable", "variables", "cable", "vegetable",
        "deliverable", "syllable", "bible", "logic", "topic", "topics", "music", "traffic", "clinic", "arithmetic", "graphic",
        "graphics", "rhetoric", "epidemic", "pandemic", "mechanic", "magic", "panic", "tactic", "tactics", "heuristic",
        "heuristics", "metric", "metrics", "critic", "critics", "fabric", "mimic", "republic", "lyric", "lyrics", "logistic",
        "manual", "individual", "individuals", "residual", "residuals", "visual", "visuals", "dual", "ritual", "trial", "trials",
        "material", "materials", "tutorial", "tutorials", "potential", "potentials", "credential", "credentials", "dial",
        "serial", "editorial", "memorial", "polynomial", "polynomials", "binomial", "radial", "summary", "summaries",
        "dictionary", "vocabulary", "library", "libraries", "boundary", "boundaries", "binary", "binaries", "primary",
        "secondary", "salary", "glossary", "itinerary", "commentary", "adversary", "adversaries", "anniversary", "diary",
        "agent", "agents", "gradient", "gradients", "component", "components", "student", "students", "content", "element",
        "elements", "environment", "environments", "segment", "segments", "moment", "moments", "patient", "patients",
        "assistant", "assistants", "variant", "variants", "constant", "constants", "descent", "event", "events", "intent",
        "intents", "client", "clients", "fragment", "fragments", "document", "documents", "argument", "arguments",
        "treatment", "experiment", "experiments", "alignment", "embedment", "deployment", "assessment", "development",
        "management", "measurement", "measurements", "improvement", "enhancement", "refinement", "reinforcement",
        "replacement", "movement", "placement", "engagement", "judgment", "judgement", "sentiment", "statement", "requirement",
        "requirements", "agreement", "equipment", "investment", "payment", "department", "government", "instrument",
        "instruments", "parent", "parents", "tenant", "accent", "percent", "current", "currents", "president", "resident",
        "incident", "incidents", "coefficient", "coefficients", "ingredient", "ingredients", "opponent", "opponents",
        "respondent", "respondents", "participant", "participants", "applicant", "merchant", "servant", "plant", "plants",
        "quadrant", "restaurant", "invariant", "invariants", "determinant", "pollutant", "contaminant", "consonant",
        "informant", "attendant", "inhabitant", "immigrant", "entrant", "descendant", "elephant", "giant", "talent",
        "extent", "continent", "solvent", "latent", "transformer", "implant", "implants", "concept", "dent", "rent", "tent",
        "scent", "cent", "vent", "intelligent", "embodiment", "commitment", "attachment", "adjustment", "amendment",
        "enrichment", "entailment", "fulfillment", "recruitment", "settlement", "shipment", "supplement", "tournament",
        "bias", "sentiment", "comment", "comments", "spectrum", "pavement", "attainment", "containment", "punishment",
        "prompt", "prompts", "mutant", "mutants", "antioxidant", "coolant", "quant",
    ], StringComparer.Ordinal);

    /// <summary>The tag of a lower-case word (the last part of a hyphenated word decides).</summary>
    public static WordTag TagOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (NounExceptions.Contains(word) || TopicLexicon.NominalGerunds.Contains(word))
        {
            return WordTag.Noun;
        }

        var dash = word.LastIndexOf('-');
        var last = dash >= 0 && dash < word.Length - 1 ? word[(dash + 1)..] : word;
        if (NounExceptions.Contains(last) || TopicLexicon.NominalGerunds.Contains(last))
        {
            return WordTag.Noun;
        }

        if (last.Length > 4 && last.EndsWith("ly", StringComparison.Ordinal))
        {
            return WordTag.Adverb;
        }

        if (last.Length > 4 && last.EndsWith("ing", StringComparison.Ordinal))
        {
            return WordTag.Gerund;
        }

        if (last.Length > 4 && last.EndsWith("ed", StringComparison.Ordinal) && !last.EndsWith("eed", StringComparison.Ordinal))
        {
            return WordTag.Participle;
        }

        if (last.Length > 5 && AdjectiveSuffixes.Any(s => last.EndsWith(s, StringComparison.Ordinal) && !last.EndsWith("ment", StringComparison.Ordinal)))
        {
            return WordTag.Adjective;
        }

        return WordTag.Noun;
    }

    /// <summary>
    /// The noun phrase inside a run of candidate words: leading verbs and adverbs and trailing non-nouns cut off; null
    /// when what remains is under two words, made of generic nouns only, or a stop phrase.
    /// </summary>
    public static IReadOnlyList<string>? Trim(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        int start = 0, end = words.Count;
        while (start < end && TagOf(words[start]) is WordTag.Gerund or WordTag.Adverb)
        {
            start++;
        }

        while (end > start && TagOf(words[end - 1]) != WordTag.Noun)
        {
            end--;
        }

        if (end - start < 2)
        {
            return null;
        }

        var phrase = start == 0 && end == words.Count ? words : words.Skip(start).Take(end - start).ToArray();
        return IsAllGeneric(phrase) || IsStopPhrase(string.Join(' ', phrase)) ? null : phrase;
    }

    /// <summary>True when every word of the phrase is a generic noun ("training data", "model outputs").</summary>
    public static bool IsAllGeneric(IReadOnlyList<string> words) =>
        words.All(w => TopicLexicon.GenericNouns.Contains(w) || TopicLexicon.GenericNouns.Contains(TopicKey.Singular(w)));

    /// <summary>True when the phrase (any case, plural or spelling) is on the curated stop-phrase list.</summary>
    public static bool IsStopPhrase(string phrase) => TopicLexicon.StopPhraseKeys.Contains(TopicKey.Of(phrase));
}
