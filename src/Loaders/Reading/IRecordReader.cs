namespace CiteGraph.Loaders.Reading;

/// <summary>Streams the paper records of one input format, never holding a whole file in memory.</summary>
public interface IRecordReader
{
    /// <summary>The format name used in provenance and on the command line, e.g. <c>hf-listing</c>.</summary>
    string Format { get; }

    /// <summary>The entries of <paramref name="input"/>, in file order; bad entries come as rejections and reading goes on.</summary>
    IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, CancellationToken cancellationToken = default);

    /// <summary>
    /// A choice the reader made about the last input it read that the user should hear of (how an edge list's ids were
    /// read, and why), once reading has started; null when there is nothing to say.
    /// </summary>
    string? Note => null;
}
