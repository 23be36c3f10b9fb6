using System.Security.Cryptography;
using System.Text;

namespace CiteGraph.Graph.Model;

/// <summary>A canonical topic with its aliases (acronym ↔ expansion, plural forms) and document frequency.</summary>
/// <param name="Name">Canonical name: the expansion of an acronym, else the most frequent surface form, lower-cased.</param>
/// <param name="Aliases">Other names that mean this topic (acronym, spelling variants, plurals), without the name.</param>
/// <param name="Df">Papers carrying the topic.</param>
public sealed record Topic(string Name, IReadOnlyList<string> Aliases, int Df)
{
    /// <summary>Inverse document frequency, ln(papers / df), from the derive pass that wrote the topic; 0 when unknown.</summary>
    public double Idf { get; init; }

    /// <summary>Papers carrying the topic in each year of the corpus (years with none left out), oldest first.</summary>
    public IReadOnlyList<TopicYear> ByYear { get; init; } = [];

    /// <summary>
    /// How fast the topic rises: log2 of its share of the corpus's latest year's papers over its share of the earlier
    /// years' papers (each share add-one smoothed); null below the minimum support or when the corpus has one year only.
    /// </summary>
    public double? Growth { get; init; }

    /// <summary>The stable id: <c>T</c> and 16 hex digits of a SHA-256 of the name.</summary>
    public string Id => IdFor(Name);

    /// <summary>The id a topic of this canonical name has.</summary>
    public static string IdFor(string name) =>
        "T" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 8));
}

/// <summary>Papers of one year carrying a topic.</summary>
/// <param name="Year">The publication year.</param>
/// <param name="Papers">Papers of that year carrying the topic.</param>
public readonly record struct TopicYear(int Year, int Papers);
