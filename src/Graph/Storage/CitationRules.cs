using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>The rules every store applies to the citations it is asked to write, in one place beside the ports.</summary>
public static class CitationRules
{
    /// <summary>
    /// Refuses a set given to <see cref="IDerivedLayerStore.ReplaceInferredCitationsAsync"/> that holds anything but
    /// inferred citations: replacing must never remove or shadow what a source stated.
    /// </summary>
    public static void RequireInferred(IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        if (citations.FirstOrDefault(c => c.Kind != CitationKind.Inferred) is { } other)
        {
            throw new ArgumentException($"Only inferred citations are replaced; {other.From} → {other.To} is {other.Kind.ToString().ToLowerInvariant()}.", nameof(citations));
        }
    }
}
