namespace CiteGraph.Graph.Suggest;

/// <summary>
/// A learned second stage for suggested references: the <see cref="Depth"/> best candidates by the weighted sum are
/// re-ordered by a tree ensemble (LambdaMART) over <see cref="RankerInputs"/>.
/// </summary>
/// <param name="Trees">The ensemble; it must read no more than <see cref="RankerInputs.Count"/> inputs.</param>
/// <param name="Depth">How many of the weighted sum's best candidates are re-ordered.</param>
public sealed record SuggestionRanker(TreeEnsemble Trees, int Depth)
{
    /// <summary>The resource the served ranker is read from (written by bench/tools/suggest-ltr.cs --write).</summary>
    private const string Resource = "CiteGraph.Graph.Suggest.suggestion-ranker.txt";

    /// <summary>Candidates re-ordered per paper, as fitted (bench/tools/suggest-ltr.cs --top).</summary>
    public const int FittedDepth = 150;

    private static readonly Lazy<SuggestionRanker?> LazyFitted = new(() =>
    {
        using var stream = typeof(SuggestionRanker).Assembly.GetManifestResourceStream(Resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return new SuggestionRanker(TreeEnsemble.Read(reader, Resource), FittedDepth);
    });

    /// <summary>The served ranker (fitted on the neurips-icml-citations training papers; see bench/RESULTS.md), or null when none is shipped.</summary>
    public static SuggestionRanker? Fitted => LazyFitted.Value;

    /// <summary>The trees and depth, checked.</summary>
    public TreeEnsemble Trees { get; } = Trees is { } t && t.Inputs <= RankerInputs.Count
        ? t
        : throw new ArgumentException($"The ranker's trees read {Trees?.Inputs} inputs; a suggestion has {RankerInputs.Count}.", nameof(Trees));

    public int Depth { get; } = Depth > 0 ? Depth : throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "The depth must be at least 1.");
}
