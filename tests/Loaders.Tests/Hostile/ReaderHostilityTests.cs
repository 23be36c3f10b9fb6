using System.Diagnostics;
using System.Text;
using CiteGraph.Loaders.Reading;
using FsCheck;
using FsCheck.Fluent;

namespace CiteGraph.Loaders.Tests.Hostile;

/// <summary>
/// Every reader fed what real downloads go wrong with — random bytes, truncation at any point, invalid UTF-8, huge
/// lines, deeply nested JSON: it never throws, never hangs, and every rejection names the input and a line.
/// </summary>
public sealed class ReaderHostilityTests
{
    /// <summary>Each format with a well-formed fixture to mangle.</summary>
    public static TheoryData<string, string> Formats => new()
    {
        { "hf-listing", "cross/listing.txt" },
        { "hf-json", "hf/daily_papers.json" },
        { "arxiv", "arxiv/snapshot.jsonl" },
        { "openalex", "openalex/works.jsonl" },
        { "s2", "s2/papers.json" },
        { "edgelist", "edges/Cit-Tiny.txt" },
        { "cora", "edges/tiny.cites" },
        { "acl", "acl/acl-metadata.txt" },
    };

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>Reads everything; fails on an exception, on a rejection without location, or past the time budget.</summary>
    private static async Task<(int Records, int Rejections)> ReadAllAsync(string format, byte[] content, string name = "hostile.input")
    {
        var input = new InputFile(name, () => new MemoryStream(content, writable: false));
        using var timeout = new CancellationTokenSource(Budget);
        var clock = Stopwatch.StartNew();
        var (reader, problem) = await FormatDetector.DetectAsync(input, new ReadOptions(format), timeout.Token);
        if (reader is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem));
            return (0, 1);
        }

        int records = 0, rejections = 0;
        await foreach (var result in reader.ReadAsync(input, timeout.Token))
        {
            if (result.Rejection is { } rejection)
            {
                rejections++;
                Assert.Equal(name, rejection.Source);
                Assert.True(rejection.Line >= 1, $"rejection without a line: {rejection}");
                Assert.False(string.IsNullOrWhiteSpace(rejection.Reason));
            }
            else
            {
                records++;
                Assert.False(string.IsNullOrWhiteSpace(result.Record!.Title));
            }
        }

        Assert.True(clock.Elapsed < Budget, $"{format} took {clock.Elapsed.TotalSeconds:F1}s on {content.Length:N0} bytes");
        return (records, rejections);
    }

    private static byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Random_bytes_are_rejected_with_a_location_never_thrown(string format, string fixture)
    {
        _ = fixture;
        var property = Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ReadAllAsync(format, bytes).GetAwaiter().GetResult().Records >= 0);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
        await Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_file_truncated_at_any_point_loses_at_most_the_cut_entry(string format, string fixture)
    {
        var whole = Fixture(fixture);
        var (complete, _) = await ReadAllAsync(format, whole);
        Assert.True(complete > 0, $"{fixture} should read as {format}");
        // Edge lists are exempt from the count: a cut inside a node id makes a different, valid id.
        var entryBased = format is not ("edgelist" or "cora");
        var property = Prop.ForAll(Gen.Choose(0, whole.Length).ToArbitrary(), cut =>
        {
            var (records, _) = ReadAllAsync(format, whole[..cut]).GetAwaiter().GetResult();
            return !entryBased || records <= complete;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Invalid_utf8_and_nul_bytes_inside_a_good_file_are_survived(string format, string fixture)
    {
        var bytes = Fixture(fixture).ToList();
        bytes.InsertRange(bytes.Count / 2, new byte[] { 0xC3, 0x28, 0x00, 0xFF, 0xFE, 0x0A });
        await ReadAllAsync(format, [.. bytes]);
    }

    [Theory]
    [InlineData("hf-listing")]
    [InlineData("arxiv")]
    [InlineData("edgelist")]
    public async Task A_ten_megabyte_line_is_read_or_rejected_in_bounded_time(string format)
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var content = format switch
        {
            "hf-listing" => $"Daily Papers\n\nSubscribe\n\n{huge}\n\nA real title\n\nAn abstract long enough to read as one, ending with a full stop.\n",
            "arxiv" => $$"""{"id": "2101.00001", "title": "{{huge}}", "abstract": "x"}""" + "\n",
            _ => $"1 {huge}\n2 3\n",
        };
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await ReadAllAsync(format, Encoding.UTF8.GetBytes(content));
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 200 * 1024 * 1024, "memory not released after the read");
    }

    [Theory]
    [InlineData("hf-json")]
    [InlineData("openalex")]
    [InlineData("s2")]
    public async Task Deeply_nested_json_is_rejected_not_a_stack_overflow(string format)
    {
        var nested = "[" + new string('[', 100_000) + new string(']', 100_000) + "]";
        var (records, rejections) = await ReadAllAsync(format, Encoding.UTF8.GetBytes(nested));
        Assert.Equal(0, records);
        Assert.True(rejections > 0);
    }
}
