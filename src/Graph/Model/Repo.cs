namespace CiteGraph.Graph.Model;

/// <summary>A code repository, identified by its canonical URL <c>https://host/owner/name</c> (owner and name lower-cased).</summary>
public sealed record Repo(string Url, string Host, string Owner, string Name);
