namespace CiteGraph.GraphQL;

/// <summary>Limits on what one GraphQL request may cost.</summary>
public sealed class GraphQLLimitsOptions
{
    /// <summary>Deepest field nesting accepted. Default 15.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest estimated complexity accepted (fields × list multipliers). Default 50,000.</summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>Time a request may run before it is cancelled. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
}
