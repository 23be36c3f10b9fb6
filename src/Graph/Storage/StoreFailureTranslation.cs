namespace CiteGraph.Graph.Storage;

/// <summary>
/// What a store adapter's own failure (a driver's exception) means in the port's terms: a
/// <see cref="GraphStoreUnavailableException"/> when the store cannot be reached or is busy, a
/// <see cref="GraphStoreException"/> saying what is wrong otherwise; null for an exception that is not the store's (a bug,
/// an argument check), which then leaves as it is.
/// </summary>
public delegate GraphStoreException? StoreFailureTranslation(Exception exception);
