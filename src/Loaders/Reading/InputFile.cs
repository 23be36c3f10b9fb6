namespace CiteGraph.Loaders.Reading;

/// <summary>A named input a reader can open (more than once: format detection peeks at the start).</summary>
/// <param name="Name">How reports name the input: the path as the user gave it, or a label such as <c>demo/listing-b.txt</c>.</param>
/// <param name="Open">Opens a fresh stream at the start of the content.</param>
public sealed record InputFile(string Name, Func<Stream> Open)
{
    /// <summary>Size in bytes where known (files on disk), for progress and for choosing a bulk load.</summary>
    public long? Length { get; init; }

    /// <summary>The inputs' sizes added up, or null when any size is unknown.</summary>
    public static long? TotalLength(IReadOnlyCollection<InputFile> inputs) =>
        inputs.All(i => i.Length is not null) ? inputs.Sum(i => i.Length!.Value) : null;

    /// <summary>An input backed by a file on disk.</summary>
    public static InputFile FromPath(string path) => new(path, () => File.OpenRead(path))
    {
        Length = File.Exists(path) ? new FileInfo(path).Length : null,
    };
}
