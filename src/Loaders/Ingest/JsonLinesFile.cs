using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiteGraph.Loaders.Ingest;

/// <summary>Appends objects to a JSON-lines file (the quarantine of rejected entries, the merge report), one per line.</summary>
internal sealed class JsonLinesFile : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private StreamWriter? _writer;

    public JsonLinesFile(string path) => Path = path;

    public string Path { get; }

    public Task WriteAsync<T>(T value, CancellationToken cancellationToken)
    {
        // Opened on the first line, so a clean load leaves no empty file behind.
        _writer ??= new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read));
        return _writer.WriteLineAsync(JsonSerializer.Serialize(value, JsonOptions).AsMemory(), cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
