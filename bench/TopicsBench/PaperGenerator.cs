using System.Text;

namespace CiteGraph.Bench.TopicsBench;

/// <summary>
/// Deterministic synthetic papers for the topic benchmark: titles and ~150-word abstracts built from a vocabulary of
/// 20,000 multi-word terms drawn with a Zipf-like skew (a few common topics, a long tail), acronym definitions, filler
/// sentences with the stop words real abstracts have, and a few source keywords. SplitMix64, so every run is identical.
/// </summary>
internal sealed class PaperGenerator
{
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "pra", "gre", "tor", "lin", "mor", "dex", "quan", "bel", "cor",
        "fi", "gu", "ha", "ji", "ost", "pel", "ran", "sim", "tra", "ul", "ver", "wen",
    ];

    private static readonly string[] Heads =
    [
        "attention", "diffusion", "network", "model", "estimator", "graph", "policy", "encoder", "decoder", "kernel", "sampler",
        "transformer", "embedding", "optimizer", "classifier", "retriever", "planner", "operator", "tokenizer", "solver",
    ];

    private static readonly string[] Fillers =
    [
        "In this paper we propose a new approach that improves the state of the art on several benchmarks.",
        "Extensive experiments show that our method outperforms strong baselines while using less memory.",
        "We further provide a theoretical analysis of the convergence of the proposed method.",
        "Code and data are publicly available to the community.",
        "However, existing methods are often limited by their computational cost.",
    ];

    private readonly string[] _terms;
    private ulong _state;

    public PaperGenerator(int vocabulary = 20_000, ulong seed = 42)
    {
        _state = seed;
        _terms = new string[vocabulary];
        for (var i = 0; i < vocabulary; i++)
        {
            _terms[i] = $"{Word()} {Word()} {Heads[Next(Heads.Length)]}";
        }
    }

    public (string Title, string Abstract, string[] Keywords) Paper(int index)
    {
        var main = Zipf();
        var second = Zipf();
        var acronym = Acronym(_terms[main]);
        var title = $"{Capitalize(_terms[main])} for {Capitalize(_terms[second])} {index % 97}";
        var sb = new StringBuilder(1200);
        sb.Append("We study ").Append(_terms[second]).Append(" with ").Append(_terms[main]).Append(" (").Append(acronym).Append("). ");
        for (var s = 0; s < 6; s++)
        {
            sb.Append(Fillers[Next(Fillers.Length)]).Append(' ');
            sb.Append("Our ").Append(acronym).Append(" combines ").Append(_terms[Zipf()]).Append(" and ").Append(_terms[Zipf()])
              .Append(" to handle ").Append(_terms[Zipf()]).Append(". ");
        }

        return (title, sb.ToString(), [_terms[Zipf()], _terms[second]]);
    }

    private int Zipf()
    {
        // Inverse-CDF of a 1/x density over [1, n]: index ~ n^u - 1, skewed to small indexes.
        var u = (Next(1_000_000) + 0.5) / 1_000_000.0;
        return Math.Min(_terms.Length - 1, (int)Math.Pow(_terms.Length, u) - 1);
    }

    private string Word() => Syllables[Next(Syllables.Length)] + Syllables[Next(Syllables.Length)] + Syllables[Next(Syllables.Length)];

    private static string Acronym(string term) => string.Concat(term.Split(' ').Select(w => char.ToUpperInvariant(w[0])));

    private static string Capitalize(string term) => string.Join(' ', term.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private int Next(int bound)
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)bound);
    }
}
