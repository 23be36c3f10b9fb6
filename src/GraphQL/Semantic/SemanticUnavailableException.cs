namespace CiteGraph.GraphQL.Semantic;

/// <summary>A semantic answer was asked for but cannot be given: no vectors are stored, or the model cannot be loaded.</summary>
public sealed class SemanticUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SemanticUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SemanticUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SemanticUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
