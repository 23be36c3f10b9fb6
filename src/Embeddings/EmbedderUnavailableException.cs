namespace CiteGraph.Embeddings;

/// <summary>The embedding model could not be loaded (missing native runtime, unsupported platform); callers skip embedding.</summary>
public sealed class EmbedderUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbedderUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EmbedderUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EmbedderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
