namespace CiteGraph.Graph.Storage.Versions;

/// <summary>What kind of run made a version of the graph.</summary>
public enum VersionKind
{
    /// <summary>A <c>citegraph load</c> of files (the demo corpus a server loads at start too).</summary>
    Load,

    /// <summary>An <c>ingest</c> mutation over HTTP, or records written outside any run.</summary>
    Ingest,

    /// <summary>The derive pass (topics, co-topics, inferred citations), full or incremental.</summary>
    Derive,

    /// <summary>An analytics run (PageRank, betweenness, communities, cores).</summary>
    Analyze,
}
