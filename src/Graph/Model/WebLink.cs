namespace CiteGraph.Graph.Model;

/// <summary>What a non-repository URL in a paper points at.</summary>
public enum LinkKind
{
    ProjectPage,
    ModelHub,
    Dataset,
    Other,
}

/// <summary>A URL a paper names that is not a code repository: a project page, a model-hub artifact, a dataset.</summary>
public sealed record WebLink(string Url, LinkKind Kind);
