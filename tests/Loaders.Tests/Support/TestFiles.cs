using System.IO.Compression;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Tests.Support;

/// <summary>Where the checked-in fixtures and the shared real datasets are, and small helpers to read them.</summary>
internal static class TestFiles
{
    /// <summary>A checked-in fixture, by its path under <c>Fixtures/</c>.</summary>
    public static InputFile Fixture(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
        Assert.True(File.Exists(path), $"fixture {path} is missing");
        return new InputFile("Fixtures/" + relativePath, () => File.OpenRead(path));
    }

    /// <summary>A folder of ../shared/data, or a skip (with the reason) when this machine does not have it.</summary>
    public static string SharedData(string dataset) => CiteGraph.Tests.SharedData.Require("data/" + dataset);

    /// <summary>Every result a reader yields for an input.</summary>
    public static async Task<List<ReadResult>> ReadAllAsync(IRecordReader reader, InputFile input)
    {
        var results = new List<ReadResult>();
        await foreach (var result in reader.ReadAsync(input, TestContext.Current.CancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>A gzip copy of a fixture in a temporary file named without <c>.gz</c>, so only the magic bytes tell.</summary>
    public static InputFile Gzipped(InputFile input, string directory, string name)
    {
        var path = Path.Combine(directory, name);
        using (var source = input.Open())
        using (var target = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            source.CopyTo(target);
        }

        return InputFile.FromPath(path);
    }
}
