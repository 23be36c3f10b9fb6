using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CiteGraph.Graph.Model;

/// <summary>
/// Canonical keys of topic names: two surface forms with the same key are one topic. The key folds case, LaTeX and
/// unicode accents, British to American spelling (optimisation = optimization, behaviour = behavior, modelling =
/// modeling), the plural of the head noun (models = model, strategies = strategy) and hyphenation (pre-training =
/// pretraining = pre training): words are joined without separators.
/// </summary>
public static partial class TopicKey
{
    private static readonly FrozenSet<string> Invariant = FrozenSet.ToFrozenSet(
    [
        "analysis", "basis", "bias", "series", "species", "news", "gas", "lens", "corpus", "status", "virus", "focus", "radius",
        "consensus", "census", "bus", "plus", "minus", "bonus", "axis", "thesis", "hypothesis", "synthesis", "diagnosis", "emphasis",
        "crisis", "ellipsis", "chaos", "atlas", "canvas", "alias", "campus", "stimulus", "calculus", "nexus", "apparatus", "data",
        "gpus", "cpus", "tpus", "kubernetes", "pandas", "its", "this", "has", "was", "is", "as", "us", "yes",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["criteria"] = "criterion",
        ["phenomena"] = "phenomenon",
        ["matrices"] = "matrix",
        ["indices"] = "index",
        ["vertices"] = "vertex",
        ["appendices"] = "appendix",
        ["analyses"] = "analysis",
        ["hypotheses"] = "hypothesis",
        ["theses"] = "thesis",
        ["syntheses"] = "synthesis",
        ["diagnoses"] = "diagnosis",
        ["bases"] = "basis",
        ["axes"] = "axis",
        ["children"] = "child",
        ["people"] = "person",
        ["mice"] = "mouse",
        ["geese"] = "goose",
        ["men"] = "man",
        ["women"] = "woman",
        ["leaves"] = "leaf",
        ["halves"] = "half",
        ["shelves"] = "shelf",
        ["lives"] = "life",
        ["knives"] = "knife",
        ["corpora"] = "corpus",
        ["formulae"] = "formula",
        ["schemata"] = "schema",
        ["lemmata"] = "lemma",
        ["optima"] = "optimum",
        ["maxima"] = "maximum",
        ["minima"] = "minimum",
        ["spectra"] = "spectrum",
        ["media"] = "medium",
        ["automata"] = "automaton",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> British = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["defence"] = "defense",
        ["licence"] = "license",
        ["offence"] = "offense",
        ["grey"] = "gray",
        ["programme"] = "program",
        ["programmes"] = "programs",
        ["catalogue"] = "catalog",
        ["dialogue"] = "dialog",
        ["dialogues"] = "dialogs",
        ["analogue"] = "analog",
        ["aluminium"] = "aluminum",
        ["artefact"] = "artifact",
        ["artefacts"] = "artifacts",
        ["manoeuvre"] = "maneuver",
        ["aeroplane"] = "airplane",
        ["ageing"] = "aging",
        ["judgement"] = "judgment",
        ["judgements"] = "judgments",
        ["acknowledgement"] = "acknowledgment",
        ["enrolment"] = "enrollment",
        ["fulfil"] = "fulfill",
        ["skilful"] = "skillful",
        ["tumour"] = "tumor",
        ["tumours"] = "tumors",
        ["oesophagus"] = "esophagus",
        ["paediatric"] = "pediatric",
        ["haemoglobin"] = "hemoglobin",
        ["anaesthesia"] = "anesthesia",
        ["oestrogen"] = "estrogen",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] OurStems =
        ["behavio", "colo", "neighbo", "favo", "labo", "flavo", "harbo", "hono", "humo", "rumo", "vapo", "vigo", "endeavo", "armo", "odo"];

    /// <summary>The canonical key of a name; empty when the name has no letters or digits.</summary>
    public static string Of(string name)
    {
        var words = Words(name);
        if (words.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder(name.Length);
        for (var i = 0; i < words.Count; i++)
        {
            var word = American(words[i]);
            // English noun phrases put the head noun last: its plural is the one that varies.
            sb.Append(i == words.Count - 1 ? Singular(word) : word);
        }

        return sb.ToString();
    }

    /// <summary>The lower-cased words of a name: LaTeX undone, accents folded, split at every non-alphanumeric character.</summary>
    public static List<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Contains('\\', StringComparison.Ordinal) ? LatexAccent().Replace(name, "${letter}").Replace("\\", "", StringComparison.Ordinal) : name;
        var decomposed = Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormKD);
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    /// <summary>A lower-case word in American spelling (only the key uses it, so the rules need only be consistent).</summary>
    public static string American(string word)
    {
        if (word.Length < 4)
        {
            return word;
        }

        if (British.TryGetValue(word, out var american))
        {
            return american;
        }

        // optimise, optimised, optimises, optimising, optimiser, optimisation(s), analyse(d)
        foreach (var (british, us) in IsSuffixes)
        {
            if (word.EndsWith(british, StringComparison.Ordinal) && word.Length - british.Length >= 3)
            {
                return string.Concat(word.AsSpan(0, word.Length - british.Length), us);
            }
        }

        foreach (var stem in OurStems)
        {
            if (word.StartsWith(stem + "ur", StringComparison.Ordinal))
            {
                return string.Concat(stem, "r", word.AsSpan(stem.Length + 2));
            }
        }

        // modelling, labelled, travelled, cancelling
        foreach (var (british, us) in DoubledL)
        {
            if (word.EndsWith(british, StringComparison.Ordinal) && word.Length - british.Length >= 3)
            {
                return string.Concat(word.AsSpan(0, word.Length - british.Length), us);
            }
        }

        // centre, fibre, metre, theatre
        if (word.Length >= 5 && (word.EndsWith("tre", StringComparison.Ordinal) || word.EndsWith("bre", StringComparison.Ordinal)))
        {
            return string.Concat(word.AsSpan(0, word.Length - 2), "er");
        }

        if (word.Length >= 6 && (word.EndsWith("tres", StringComparison.Ordinal) || word.EndsWith("bres", StringComparison.Ordinal)))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "ers");
        }

        return word;
    }

    private static readonly (string British, string American)[] IsSuffixes =
    [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("isers", "izers"), ("iser", "izer"), ("ised", "ized"),
        ("ises", "izes"), ("ise", "ize"), ("ysing", "yzing"), ("ysed", "yzed"), ("yser", "yzer"), ("yse", "yze"),
    ];

    private static readonly (string British, string American)[] DoubledL =
        [("elling", "eling"), ("elled", "eled"), ("ellers", "elers"), ("eller", "eler")];

    /// <summary>The singular of a lower-case noun (best effort, consistent: only keys use it).</summary>
    public static string Singular(string word)
    {
        if (word.Length < 4 || Invariant.Contains(word))
        {
            return word;
        }

        if (Irregular.TryGetValue(word, out var singular))
        {
            return singular;
        }

        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) ||
            word.EndsWith("is", StringComparison.Ordinal) || word.EndsWith("ics", StringComparison.Ordinal) ||
            word.EndsWith("ous", StringComparison.Ordinal) || !word.EndsWith('s') || char.IsDigit(word[^2]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) ||
            word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ||
            word.EndsWith("zzes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word[..^1];
    }

    /// <summary>
    /// The short form of an acronym: <c>LLMs</c> → <c>LLM</c>, <c>MDPs</c> → <c>MDP</c> (a trailing lower-case s after an
    /// upper-case letter or digit is a plural).
    /// </summary>
    public static string AcronymSingular(string acronym) =>
        acronym.Length > 2 && acronym[^1] == 's' && (char.IsUpper(acronym[^2]) || char.IsDigit(acronym[^2])) ? acronym[..^1] : acronym;

    // \"o, \'e, {\"o}, \"{o}: the letter stays, the accent goes (as NFKD folding does for unicode accents).
    [GeneratedRegex(@"\{?\\[""'`^~=.uvHck]\{?(?<letter>[A-Za-z])\}?\}?")]
    private static partial Regex LatexAccent();
}
