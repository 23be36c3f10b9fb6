using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Text;

/// <summary>What a paper's text points at: repositories, other URLs, and arXiv ids and DOIs it mentions.</summary>
public sealed record ExtractedLinks(
    IReadOnlyList<RepoLink> Repos,
    IReadOnlyList<WebLink> Links,
    IReadOnlyList<ExternalId> Mentions);
