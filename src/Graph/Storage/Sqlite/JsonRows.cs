using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiteGraph.Graph.Storage.Sqlite;

/// <summary>
/// Rows for one set-based insert, as a JSON array of arrays: the statement reads them with <c>json_each($rows)</c>, so a
/// chunk of hundreds of rows costs one statement instead of hundreds of bind-and-step round trips. The buffer is reused
/// from chunk to chunk.
/// </summary>
internal sealed class JsonRows
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer;

    public JsonRows()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            SkipValidation = true,
            // Text stays UTF-8 as it is; SQLite's JSON reader takes it whole, quotes and control characters still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        _writer.WriteStartArray();
    }

    public int Count { get; private set; }

    /// <summary>Bytes written so far (after the last row's values are flushed).</summary>
    public long Bytes => _writer.BytesPending + _writer.BytesCommitted;

    public JsonRows Row()
    {
        if (Count > 0)
        {
            _writer.WriteEndArray();
        }

        _writer.WriteStartArray();
        Count++;
        return this;
    }

    public JsonRows Add(long value)
    {
        _writer.WriteNumberValue(value);
        return this;
    }

    public JsonRows Add(int value)
    {
        _writer.WriteNumberValue(value);
        return this;
    }

    public JsonRows Add(int? value)
    {
        if (value is { } v)
        {
            _writer.WriteNumberValue(v);
        }
        else
        {
            _writer.WriteNullValue();
        }

        return this;
    }

    public JsonRows Add(string? value)
    {
        if (value is null)
        {
            _writer.WriteNullValue();
        }
        else
        {
            _writer.WriteStringValue(value);
        }

        return this;
    }

    /// <summary>The rows as JSON text, and an empty builder for the next chunk.</summary>
    public string Take()
    {
        if (Count > 0)
        {
            _writer.WriteEndArray();
        }

        _writer.WriteEndArray();
        _writer.Flush();
        var text = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartArray();
        Count = 0;
        return text;
    }
}
