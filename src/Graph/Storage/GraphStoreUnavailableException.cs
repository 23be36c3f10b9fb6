namespace CiteGraph.Graph.Storage;

/// <summary>The store could not be reached or did not answer in time; retrying later may succeed.</summary>
public class GraphStoreUnavailableException : GraphStoreException
{
    public GraphStoreUnavailableException()
    {
    }

    public GraphStoreUnavailableException(string message)
        : base(message)
    {
    }

    public GraphStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
