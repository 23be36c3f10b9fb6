using System.Text.Encodings.Web;
using System.Text.Json;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>Appends rejections to a JSON-lines quarantine file, one object per line: source, line, reason.</summary>
internal sealed class RejectsFile : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private StreamWriter? _writer;

    public RejectsFile(string path) => Path = path;

    public string Path { get; }

    public Task WriteAsync(Rejection rejection, CancellationToken cancellationToken)
    {
        // Opened on the first rejection, so a clean load leaves no empty file behind.
        _writer ??= new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read));
        var line = JsonSerializer.Serialize(new { source = rejection.Source, line = rejection.Line, reason = rejection.Reason }, JsonOptions);
        return _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
