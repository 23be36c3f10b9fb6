namespace CiteGraph.Graph.Model;

/// <summary>A paper's reference to a repository, with the text it was found as (a deep link or a URL with junk around it).</summary>
public sealed record RepoLink(Repo Repo, string Evidence);
