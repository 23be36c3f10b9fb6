namespace CiteGraph.Graph.Storage;

/// <summary>The keys a stored paper can be recognised by (DESIGN §3: arXiv id, DOI, normalized title and year).</summary>
public sealed record PaperIdentity(string Id, string? ArxivId, string? Doi, string TitleKey, int? Year);
