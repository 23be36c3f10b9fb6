using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Demo;

/// <summary>
/// The small hand-written corpus of fictional papers shipped inside the executable (layouts A, B and C, a paper repeated
/// across files, junk-suffixed repository URLs and one malformed entry), for <c>serve --demo</c> and for tests.
/// </summary>
public static class DemoCorpus
{
    private const string Prefix = "Demo.";

    /// <summary>The demo inputs, named <c>demo/&lt;file&gt;</c>, in load order.</summary>
    public static IReadOnlyList<InputFile> Files { get; } = typeof(DemoCorpus).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n => new InputFile("demo/" + n[Prefix.Length..], () => typeof(DemoCorpus).Assembly.GetManifestResourceStream(n)!))
        .ToArray();
}
