namespace CiteGraph.GraphQL;

/// <summary>Limits on what one GraphQL request may cost.</summary>
public sealed class GraphQLLimitsOptions
{
    /// <summary>Deepest field nesting accepted. Default 15.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest estimated complexity accepted (fields × list multipliers). Default 50,000.</summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// Most field selections an operation may have once its fragments are expanded, checked before validation (whose
    /// rules expand fragments). Default 2,000: the introspection query every GraphQL client sends first selects about 200.
    /// </summary>
    public int MaxSelections { get; set; } = 2_000;

    /// <summary>Time a request may take from parsing to its answer (validation and execution included) before it is cancelled. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
}
