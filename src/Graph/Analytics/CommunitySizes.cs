namespace CiteGraph.Graph.Analytics;

/// <summary>
/// The size distribution of one level's communities: what says whether a partition is readable (a few hundred papers per
/// field) or fell apart (most papers alone), which modularity alone does not.
/// </summary>
/// <param name="Level">Hierarchy level, 0 = coarsest.</param>
/// <param name="Communities">Communities at this level.</param>
/// <param name="Papers">Papers (graph nodes) partitioned.</param>
/// <param name="Singletons">Papers that are a community of their own.</param>
/// <param name="Largest">Papers in the largest community.</param>
/// <param name="Median">Median community size.</param>
/// <param name="Buckets">Communities by size range: <c>1</c>, <c>2-9</c>, <c>10-99</c>, <c>100-999</c>, <c>1000+</c>.</param>
public sealed record CommunitySizes(int Level, int Communities, int Papers, int Singletons, int Largest, double Median, IReadOnlyDictionary<string, int> Buckets)
{
    /// <summary>Share of papers that are a community of their own.</summary>
    public double SingletonShare => Papers == 0 ? 0 : (double)Singletons / Papers;

    /// <summary>The sizes of the communities <paramref name="membership"/> assigns (one id per node).</summary>
    public static CommunitySizes Of(int level, int[] membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var sizes = membership.GroupBy(c => c).Select(g => g.Count()).Order().ToArray();
        var buckets = new Dictionary<string, int>(StringComparer.Ordinal) { ["1"] = 0, ["2-9"] = 0, ["10-99"] = 0, ["100-999"] = 0, ["1000+"] = 0 };
        foreach (var size in sizes)
        {
            buckets[size switch { 1 => "1", < 10 => "2-9", < 100 => "10-99", < 1000 => "100-999", _ => "1000+" }]++;
        }

        var median = sizes.Length == 0 ? 0 : sizes.Length % 2 == 1 ? sizes[sizes.Length / 2] : (sizes[(sizes.Length / 2) - 1] + sizes[sizes.Length / 2]) / 2.0;
        return new CommunitySizes(level, sizes.Length, membership.Length, sizes.Count(s => s == 1), sizes.Length == 0 ? 0 : sizes[^1], median, buckets);
    }

    /// <summary>One line: "level 0: 38 communities, 1.2% single papers, largest 912, median 140; sizes 1:3 2-9:4 …".</summary>
    public override string ToString() =>
        $"level {Level}: {Communities:N0} communities, {SingletonShare:P1} single papers ({Singletons:N0}), largest {Largest:N0}, median {Median:0.#}; sizes " +
        string.Join(" ", Buckets.Select(b => $"{b.Key}:{b.Value}"));
}
