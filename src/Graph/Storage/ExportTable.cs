namespace CiteGraph.Graph.Storage;

/// <summary>
/// The tables a whole-graph export reads (<see cref="IGraphExportReader"/>): one per node label and one per relationship
/// type of the store's model (docs/neo4j.md, "Model in Neo4j"). Their columns are <see cref="ExportTables"/>'s.
/// </summary>
public enum ExportTable
{
    /// <summary><c>:Paper</c> nodes, stubs included, in load order.</summary>
    Papers,

    /// <summary><c>:Source</c> nodes: each source record of a paper with the values it gave (provenance).</summary>
    Sources,

    /// <summary><c>:ExternalId</c> nodes: arXiv ids, DOIs, OpenAlex and S2 ids, each naming the paper that owns it.</summary>
    ExternalIds,

    /// <summary><c>:Repo</c> nodes.</summary>
    Repos,

    /// <summary><c>:Link</c> nodes (project pages, model-hub artifacts, datasets).</summary>
    Links,

    /// <summary><c>:Author</c> nodes.</summary>
    Authors,

    /// <summary><c>:Topic</c> nodes.</summary>
    Topics,

    /// <summary><c>:TopicAlias</c> nodes: every name a topic answers to.</summary>
    TopicAliases,

    /// <summary><c>:Community</c> nodes of the last analytics run.</summary>
    Communities,

    /// <summary><c>(:Paper)-[:CITES]-&gt;(:Paper)</c>, explicit and inferred.</summary>
    Cites,

    /// <summary><c>(:Paper)-[:FROM_SOURCE]-&gt;(:Source)</c>.</summary>
    FromSource,

    /// <summary><c>(:Paper)-[:REFERENCES_REPO]-&gt;(:Repo)</c>.</summary>
    ReferencesRepo,

    /// <summary><c>(:Paper)-[:LINKS_TO]-&gt;(:Link)</c>.</summary>
    LinksTo,

    /// <summary><c>(:Author)-[:AUTHORED]-&gt;(:Paper)</c>.</summary>
    Authored,

    /// <summary><c>(:Paper)-[:HAS_TOPIC]-&gt;(:Topic)</c>.</summary>
    HasTopic,

    /// <summary><c>(:Paper)-[:CO_TOPIC]-&gt;(:Paper)</c>: each paper's top co-topic neighbours.</summary>
    CoTopic,

    /// <summary><c>(:Topic)-[:CO_OCCURS]-&gt;(:Topic)</c>.</summary>
    CoOccurs,

    /// <summary><c>(:TopicAlias)-[:ALIAS_OF]-&gt;(:Topic)</c>.</summary>
    AliasOf,

    /// <summary><c>(:Paper)-[:IN_COMMUNITY]-&gt;(:Community)</c>.</summary>
    InCommunity,
}
