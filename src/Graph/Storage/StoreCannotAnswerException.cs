namespace CiteGraph.Graph.Storage;

/// <summary>
/// A question this store cannot answer yet, though the API has it (the Neo4j store's change feed and answers as of a
/// version, say). Not a failure to retry nor a bug: the message, written for the client, says what cannot be answered and
/// what can; the GraphQL API passes it on under its own code.
/// </summary>
public sealed class StoreCannotAnswerException : GraphStoreException
{
    public StoreCannotAnswerException()
    {
    }

    public StoreCannotAnswerException(string message)
        : base(message)
    {
    }

    public StoreCannotAnswerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
