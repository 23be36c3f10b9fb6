using System.Text.Json;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>Appends rejections to a JSON-lines quarantine file, one object per line: source, line, reason.</summary>
internal sealed class RejectsFile : IAsyncDisposable
{
    private readonly StreamWriter _writer;

    public RejectsFile(string path)
    {
        Path = path;
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    public string Path { get; }

    public Task WriteAsync(Rejection rejection, CancellationToken cancellationToken) =>
        _writer.WriteLineAsync(JsonSerializer.Serialize(
            new { source = rejection.Source, line = rejection.Line, reason = rejection.Reason }).AsMemory(), cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
