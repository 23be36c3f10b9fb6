namespace CiteGraph.Graph.Model;

/// <summary>Whether a citation was stated by a source or inferred from a paper's text.</summary>
public enum CitationKind
{
    Explicit,
    Inferred,
}

/// <summary>A CITES relationship between two papers (by CiteGraph id), with how sure we are and the text that shows it.</summary>
public sealed record Citation(string From, string To, CitationKind Kind, double Confidence = 1.0, string? Evidence = null);
