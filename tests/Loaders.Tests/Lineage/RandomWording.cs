using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// Words and dates for the random corpora that hold a rewritten rule to the version it replaced (title phrases, quoted
/// titles, term vectors): few words, so that titles open alike and phrases are shared, and some coined ones.
/// </summary>
internal static class RandomWording
{
    public static readonly string[] Words =
    [
        "sparse", "lattice", "attention", "graph", "kernel", "neural", "tangent", "policy", "gradient", "proximal",
        "message", "passing", "molecule", "diffusion", "sampler", "contrastive", "encoder", "transformer", "vision",
        "retrieval", "memory", "routing", "token", "mixture", "expert", "flow", "matching", "score", "energy", "field",
        "kalotri", "vexra", "quorin", "ambel", "tusk", "marrow", "lumen", "cobalt", "zephyr", "orchid",
    ];

    /// <summary>A date that is missing, a year only, or a year and month: equal and out-of-order dates are common.</summary>
    public static PartialDate? Date(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => new PartialDate(2015 + random.Next(8), null, null),
        _ => new PartialDate(2015 + random.Next(8), 1 + random.Next(12), null),
    };
}
