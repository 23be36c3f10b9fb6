using System.Text;
using CiteGraph.Loaders.Formats.Json;

namespace CiteGraph.Loaders.Tests.Formats.Json;

public class JsonItemScannerTests
{
    private static async Task<List<(int Line, string? Text, string? Error)>> ScanAsync(string json, int chunk = 0)
    {
        var items = new List<(int, string?, string?)>();
        using var stream = chunk == 0 ? new MemoryStream(Encoding.UTF8.GetBytes(json)) : new TrickleStream(Encoding.UTF8.GetBytes(json), chunk);
        await foreach (var item in new JsonItemScanner().ReadAsync(stream, TestContext.Current.CancellationToken))
        {
            items.Add((item.Line, item.Error is null ? Encoding.UTF8.GetString(item.Bytes.Span) : null, item.Error));
        }

        return items;
    }

    [Fact]
    public async Task ReadAsync_Array_YieldsElementsWithTheirLines()
    {
        var items = await ScanAsync("[\n {\"a\": \"x]}\\\"\"},\n [1, [2]],\n \"s\", 42, true\n]\n");

        Assert.Equal([(2, "{\"a\": \"x]}\\\"\"}", null), (3, "[1, [2]]", null), (4, "\"s\"", null), (4, "42", null), (4, "true", null)], items);
    }

    [Fact]
    public async Task ReadAsync_ChunksSplitAnywhere_GiveTheSameItems()
    {
        const string Json = "\uFEFF[{\"title\": \"Schrödinger \\u00e9 {[\"}, {\"b\": [1,2,{\"c\": null}]}]";

        Assert.Equal(await ScanAsync(Json), await ScanAsync(Json, chunk: 1));
        Assert.Equal(2, (await ScanAsync(Json, chunk: 3)).Count);
    }

    [Fact]
    public async Task ReadAsync_JsonLines_BrokenLineIsReportedAndTheNextReadAfresh()
    {
        var items = await ScanAsync("{\"a\": 1}\n{\"b\": [2\n{\"c\": \"3\n{\"d\": 4}\n");

        Assert.Equal([(1, "{\"a\": 1}", null), (2, null, "incomplete JSON: the line ends inside an entry"), (3, null, "incomplete JSON: the line ends inside an entry"), (4, "{\"d\": 4}", null)], items);
    }

    [Fact]
    public async Task ReadAsync_PrettyPrintedObject_IsOneItem()
    {
        var items = await ScanAsync("{\n  \"data\": [\n    {\"x\": 1}\n  ]\n}\n");

        Assert.Equal((1, "{\n  \"data\": [\n    {\"x\": 1}\n  ]\n}", (string?)null), Assert.Single(items));
    }

    [Fact]
    public async Task ReadAsync_BrokenFirstLineOfJsonLines_DoesNotSwallowTheRest()
    {
        var items = await ScanAsync("{\"a\": \"cut\n{\"b\": 2}\n{\"c\": 3}\n");

        Assert.Equal([(1, null, "incomplete JSON: the line ends inside an entry"), (2, "{\"b\": 2}", null), (3, "{\"c\": 3}", null)], items);
    }

    [Fact]
    public async Task ReadAsync_Truncated_ReportsWhereTheOpenEntryStarts()
    {
        var items = await ScanAsync("[\n{\"a\": 1},\n{\"b\": ");

        Assert.Equal((3, null, "the file ends inside this entry (truncated?)"), items[^1]);
    }

    [Fact]
    public async Task ReadAsync_LineOfProseInJsonLines_IsOneBadEntry()
    {
        var items = await ScanAsync("{\"a\": 1}\nthis is not, \"json{ at [all\n{\"b\": 2}\n");

        Assert.Equal([(1, "{\"a\": 1}", null), (2, "this is not, \"json{ at [all", null), (3, "{\"b\": 2}", null)], items);
    }

    /// <summary>Hands out at most a few bytes per read, as a slow pipe would.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
