using System.Collections.Frozen;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// The stop lists of key-phrase extraction: English function words, and the scientific stop list (the verbs, hedges and
/// generic nouns every abstract uses: "we propose a novel method", "results show", "state-of-the-art performance").
/// A key phrase is a run of words none of which is on either list.
/// </summary>
internal static class StopWords
{
    /// <summary>Words that end a candidate phrase.</summary>
    public static FrozenSet<string> All { get; } = FrozenSet.ToFrozenSet(
        English().Concat(Scientific()), StringComparer.Ordinal);

    /// <summary>English function words only (no scientific vocabulary): what a long form never starts with.</summary>
    public static FrozenSet<string> Function { get; } = FrozenSet.ToFrozenSet(English(), StringComparer.Ordinal);

    /// <summary>Words between an introducing verb and a defined name: "we propose a novel framework called …".</summary>
    public static FrozenSet<string> IntroductionFiller { get; } = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "our", "new", "novel", "simple", "general", "unified", "first", "effective", "efficient", "framework",
        "method", "approach", "model", "algorithm", "technique", "system", "architecture", "benchmark", "dataset", "called",
        "named", "termed", "dubbed", "coined", "which", "we", "call", "scalable", "lightweight", "principled", "generic",
        "family", "of", "paradigm", "pipeline", "strategy", "scheme", "agent", "library", "toolkit", "suite", "loss", "objective",
    ], StringComparer.Ordinal);

    /// <summary>Verbs that introduce a name a paper coins.</summary>
    public static FrozenSet<string> IntroductionVerbs { get; } = FrozenSet.ToFrozenSet(
    [
        "propose", "proposes", "proposed", "introduce", "introduces", "introduced", "present", "presents", "presented",
        "develop", "develops", "developed", "design", "designs", "designed", "call", "calls", "called", "term", "termed",
        "dub", "dubbed", "name", "named", "coin", "coined", "build", "construct", "release", "releases", "curate", "create",
        "devise", "formulate", "contribute", "offer", "establish", "launch", "unveil", "describe", "describes",
    ], StringComparer.Ordinal);

    private static IEnumerable<string> English() =>
    [
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also", "although",
        "always", "among", "amongst", "an", "and", "another", "any", "are", "around", "as", "at", "be", "became", "because",
        "become", "becomes", "been", "before", "being", "below", "between", "beyond", "both", "but", "by", "can", "cannot",
        "could", "did", "do", "does", "doing", "done", "down", "due", "during", "each", "either", "else", "enough", "especially",
        "etc", "even", "ever", "every", "few", "for", "from", "further", "furthermore", "had", "has", "have", "having", "he",
        "hence", "her", "here", "herein", "hers", "him", "his", "how", "however", "i", "if", "in", "including", "into", "is",
        "it", "its", "itself", "just", "least", "less", "like", "likely", "many", "may", "might", "more", "moreover", "most",
        "much", "must", "namely", "neither", "never", "nevertheless", "no", "nor", "not", "nothing", "now", "of", "off", "often",
        "on", "once", "one", "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over",
        "own", "per", "perhaps", "rather", "same", "several", "she", "should", "since", "so", "some", "such", "than", "that",
        "the", "their", "theirs", "them", "themselves", "then", "there", "thereby", "therefore", "these", "they", "this", "those",
        "though", "through", "throughout", "thus", "to", "together", "too", "toward", "towards", "two", "three", "under", "unless",
        "until", "up", "upon", "us", "use", "used", "uses", "using", "very", "via", "was", "we", "well", "were", "what",
        "whatever", "when", "whenever", "where", "whereas", "whether", "which", "while", "who", "whom", "whose", "why", "will",
        "with", "within", "without", "would", "yet", "you", "your", "i.e", "e.g", "ie", "eg", "vs", "versus", "et", "al", "non",
        "first", "second", "third", "four", "five", "ten", "hundred", "thousand", "million", "billion", "any", "given", "still",
        "instead", "whereby", "wherein", "whilst", "upto", "respectively", "via", "despite", "unlike", "across", "beside", "besides",
    ];

    private static IEnumerable<string> Scientific() =>
    [
        // what papers do
        "propose", "proposes", "proposed", "proposing", "introduce", "introduces", "introduced", "introducing", "present",
        "presents", "presented", "presenting", "show", "shows", "showed", "shown", "showing", "demonstrate", "demonstrates",
        "demonstrated", "demonstrating", "develop", "develops", "developed", "developing", "study", "studies", "studied",
        "investigate", "investigates", "investigated", "explore", "explores", "explored", "exploring", "evaluate", "evaluates",
        "evaluated", "evaluating", "achieve", "achieves", "achieved", "achieving", "outperform", "outperforms", "outperformed",
        "outperforming", "improve", "improves", "improved", "improving", "provide", "provides", "provided", "providing",
        "enable", "enables", "enabled", "enabling", "allow", "allows", "allowed", "allowing", "require", "requires", "required",
        "requiring", "obtain", "obtains", "obtained", "find", "finds", "found", "report", "reports", "reported", "describe",
        "describes", "described", "consider", "considers", "considered", "address", "addresses", "addressed", "leverage",
        "leverages", "leveraged", "leveraging", "make", "makes", "made", "making", "take", "takes", "taken", "based", "aim",
        "aims", "aimed", "focus", "focuses", "focused", "argue", "argues", "suggest", "suggests", "suggesting", "reveal",
        "reveals", "revealed", "indicate", "indicates", "verify", "verified", "validate", "validated", "conduct", "conducted",
        "perform", "performs", "performed", "apply", "applies", "applied", "applying", "yield", "yields", "yielded", "lead",
        "leads", "leading", "led", "remain", "remains", "remained", "tend", "tends", "help", "helps", "need", "needs", "needed",
        "call", "called", "named", "termed", "dubbed", "known", "seen", "see", "fail", "fails", "struggle", "struggles", "rely",
        "relies", "relying", "design", "designed", "build", "builds", "built", "create", "creates", "created", "release",
        "released", "available", "publicly", "code", "github", "project", "page", "https", "http", "www", "com", "org", "url",
        "matches", "match", "matched", "recover", "recovers", "fixes", "fix", "cast", "learn", "learns", "learned", "train",
        "trained", "trains", "compare", "compared", "comparing", "surpass", "surpasses", "exceed", "exceeds", "reach", "reaches",
        "bring", "brings", "offer", "offers", "capture", "captures", "captured", "ensure", "ensures", "reduce", "reduces",
        "reduced", "reducing", "increase", "increases", "increased", "increasing", "maintain", "maintains", "preserve",
        "preserves", "extend", "extends", "extended", "combine", "combines", "combined", "combining", "employ", "employs",
        "employed", "adopt", "adopts", "adopted", "utilize", "utilizes", "utilized", "exploit", "exploits", "exploited",
        "give", "gives", "got", "get", "gets", "go", "goes", "say", "says", "prove", "proves", "proved", "establish",
        "observe", "observed", "observes", "note", "noted", "believe", "hope", "try", "tried", "want", "know", "think",
        // hedges, evaluatives and generic nouns
        "novel", "new", "existing", "previous", "prior", "recent", "recently", "current", "various", "different", "diverse",
        "significant", "significantly", "substantial", "substantially", "considerable", "considerably", "effective",
        "effectively", "efficient", "efficiently", "art", "sota", "future", "broad", "accurate", "class", "superior", "competitive", "strong", "stronger",
        "better", "best", "good", "high", "higher", "highest", "low", "lower", "lowest", "large", "larger", "largest", "small",
        "smaller", "smallest", "key", "main", "major", "important", "crucial", "critical", "challenging", "difficult", "simple",
        "simply", "easy", "specific", "particular", "particularly", "general", "generally", "common", "commonly", "typical",
        "typically", "standard", "traditional", "conventional", "popular", "widely", "extensive", "extensively", "comprehensive",
        "promising", "remarkable", "impressive", "notable", "notably", "overall", "whole", "entire", "full", "fully", "able",
        "possible", "potential", "potentially", "additional", "additionally", "further", "finally", "first", "firstly", "secondly",
        "lastly", "also", "paper", "papers", "work", "works", "article", "approach", "approaches", "method", "methods",
        "technique", "techniques", "result", "results", "experiment", "experiments", "experimental", "performance", "problem",
        "problems", "task", "tasks", "way", "ways", "terms", "term", "number", "numbers", "amount", "set", "sets", "kind",
        "kinds", "type", "types", "lot", "lots", "part", "parts", "case", "cases", "example", "examples", "fact", "order",
        "respect", "regard", "contrast", "addition", "end", "thing", "things", "aspect", "aspects", "issue", "issues", "idea",
        "ideas", "insight", "insights", "finding", "findings", "contribution", "contributions", "analysis", "analyses",
        "evaluation", "evaluations", "improvement", "improvements", "gain", "gains", "baseline", "baselines", "benchmark",
        "benchmarks", "dataset", "datasets", "setting", "settings", "scenario", "scenarios", "framework", "frameworks",
        "solution", "solutions", "strategy", "strategies", "manner", "fashion", "level", "levels", "range", "variety", "field",
        "fields", "domain", "domains", "area", "areas", "context", "practice", "time", "times", "year", "years", "day", "days",
        "moreover", "accuracy", "quality", "effectiveness", "efficiency", "robustness", "ability", "abilities", "capability",
        "capabilities", "limitation", "limitations", "challenge", "challenges", "gap", "gaps", "need", "lack", "success",
        "impact", "role", "importance", "use", "usage", "process", "step", "steps", "stage", "stages", "component", "components",
        "module", "modules", "version", "versions", "size", "sizes", "cost", "costs", "wide", "rich", "real", "world", "far",
        "art", "novelty", "open", "source", "million", "billion", "times", "fold", "percent", "respectively", "upto", "orders",
        "magnitude", "significance", "extensive", "thorough", "rigorous", "theoretical", "empirical", "empirically",
        "theoretically", "experimentally", "quantitative", "qualitative", "qualitatively", "quantitatively", "highly",
        "relatively", "directly", "explicitly", "implicitly", "naturally", "inherently", "largely", "mostly", "mainly",
    ];
}
