namespace CiteGraph.Loaders.Ingest;

/// <summary>A progress tick of a running load.</summary>
/// <param name="Source">The input being read.</param>
/// <param name="Read">Entries read so far in the whole load.</param>
/// <param name="Rejected">Entries rejected so far.</param>
/// <param name="BytesRead">Bytes of the current input consumed, where known.</param>
/// <param name="BytesTotal">Size of the current input, where known.</param>
public readonly record struct IngestProgress(string Source, int Read, int Rejected, long BytesRead, long? BytesTotal);
