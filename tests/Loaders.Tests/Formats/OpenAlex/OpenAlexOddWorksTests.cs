using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CiteGraph.Loaders.Formats.OpenAlex;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Tests.Formats.OpenAlex;

/// <summary>
/// The reader reads values in place where it can (plain ASCII) and falls back to decoding elsewhere; every record and
/// rejection must stay what the decoding-only reader gave. <c>odd-works.expected.jsonl</c> is that earlier reader's
/// output (before commit "OpenAlex reader: read references, authors, locations and dates in place"), one line per
/// result, for works with escapes, nulls, missing or case-variant fields, duplicate keys, huge numbers, non-ASCII ids,
/// dates and URLs, each line read as an input of its own.
/// </summary>
public class OpenAlexOddWorksTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task ReadAsync_OddWorks_GiveWhatTheDecodingReaderGave()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openalex", "odd-works.jsonl"));
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openalex", "odd-works.expected.jsonl"));

        var actual = new List<string>();
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            await foreach (var result in new OpenAlexWorkReader().ReadAsync(new InputFile("x", () => new MemoryStream(bytes)), TestContext.Current.CancellationToken))
            {
                actual.Add(result.Record is { } record
                    ? JsonSerializer.Serialize(record, Json)
                    : $"REJ {result.Rejection!.Line} {result.Rejection.Reason}");
            }
        }

        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i], $"result {i + 1}:\nexpected {expected[i]}\nactual   {actual[i]}");
        }
    }
}
