namespace CiteGraph.Graph.Storage;

/// <summary>A store failed to do what was asked. <see cref="IsTransient"/> tells whether retrying may succeed.</summary>
public class GraphStoreException : Exception
{
    public GraphStoreException()
    {
    }

    public GraphStoreException(string message)
        : base(message)
    {
    }

    public GraphStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the failure may go away on retry (a busy or unreachable store).</summary>
    public virtual bool IsTransient { get; init; }
}
