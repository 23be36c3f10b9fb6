using System.Buffers;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace CiteGraph.GraphQL.Http;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer (the same options, converters and error shape) with synchronous reads and
/// writes over buffers for the HTTP endpoint: a request body already in memory is parsed from its bytes, and an answer is
/// written into a pooled buffer and sent with its Content-Length in one write. The stream methods' async machinery and
/// chunked transfer were a third of the endpoint's own time for a small query such as <c>paper(id)</c> (issue 17).
/// </summary>
public sealed class CiteGraphJsonSerializer(IErrorInfoProvider errorInfoProvider) : GraphQLSerializer(errorInfoProvider)
{
    /// <summary>Reads a value from UTF-8 JSON bytes.</summary>
    public T? Read<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, SerializerOptions);

    /// <summary>Writes a value as UTF-8 JSON into <paramref name="output"/>.</summary>
    public void Write<T>(IBufferWriter<byte> output, T value)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = SerializerOptions.Encoder,
            Indented = SerializerOptions.WriteIndented,
            MaxDepth = SerializerOptions.MaxDepth,
        });
        JsonSerializer.Serialize(writer, value, SerializerOptions);
    }
}
