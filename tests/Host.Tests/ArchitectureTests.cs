using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The rooms stay apart (docs/architecture.md): src/Graph knows no store; only the store projects name their store's
/// types; the composition root (Host) reaches a store only through its registration extension.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] Stores = ["CiteGraph.Graph.Sqlite", "CiteGraph.Graph.Neo4j"];

    private static MetadataReader Open(string assembly, out PEReader pe)
    {
        // The host is the citegraph executable: its assembly is named for the command.
        var path = assembly == "CiteGraph.Host" ? typeof(Program).Assembly.Location : Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        pe = new PEReader(File.OpenRead(path));
        return pe.GetMetadataReader();
    }

    private static List<string> ReferencedAssemblies(string assembly)
    {
        var reader = Open(assembly, out var pe);
        using (pe)
        {
            return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        }
    }

    [Theory]
    [InlineData("CiteGraph.Graph")]
    [InlineData("CiteGraph.Embeddings")]
    [InlineData("CiteGraph.Loaders")]
    [InlineData("CiteGraph.GraphQL")]
    public void Only_the_composition_root_references_a_store(string assembly)
    {
        var references = ReferencedAssemblies(assembly);
        Assert.DoesNotContain(references, r => Stores.Contains(r) || r == "Microsoft.Data.Sqlite");
    }

    [Fact]
    public void The_graph_references_no_room_above_it()
    {
        Assert.DoesNotContain(ReferencedAssemblies("CiteGraph.Graph"), r => r is "CiteGraph.Loaders" or "CiteGraph.GraphQL" or "citegraph");
        Assert.DoesNotContain(ReferencedAssemblies("CiteGraph.GraphQL"), r => r is "CiteGraph.Loaders" or "citegraph");
    }

    [Fact]
    public void The_host_reaches_a_store_only_through_its_registration_extension()
    {
        Assert.DoesNotContain("Microsoft.Data.Sqlite", ReferencedAssemblies("CiteGraph.Host"));
        var reader = Open("CiteGraph.Host", out var pe);
        using (pe)
        {
            var storeTypes = reader.TypeReferences
                .Select(reader.GetTypeReference)
                .Where(t => t.ResolutionScope.Kind == HandleKind.AssemblyReference
                    && Stores.Contains(reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name)))
                .Select(t => reader.GetString(t.Name))
                .ToList();
            Assert.NotEmpty(storeTypes); // the shipped stores are registered
            Assert.All(storeTypes, name => Assert.EndsWith("ServiceCollectionExtensions", name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void No_source_file_outside_a_store_project_names_that_stores_types()
    {
        var src = Path.Combine(SharedData.RepoRoot, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f =>
            {
                var project = Path.GetRelativePath(src, f).Split(Path.DirectorySeparatorChar)[0];
                return File.ReadLines(f).Select((line, n) => (File: f, Line: n + 1, Text: line, Project: project));
            })
            .Where(l => (l.Project != "Graph.Sqlite" && SqliteTypes().IsMatch(l.Text)) || (l.Project != "Graph.Neo4j" && Neo4jTypes().IsMatch(l.Text)))
            .Select(l => $"{Path.GetRelativePath(SharedData.RepoRoot, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_image_restores_every_source_project_before_copying_the_code()
    {
        var dockerfile = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "Dockerfile"));
        var projects = Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(SharedData.RepoRoot, p).Replace(Path.DirectorySeparatorChar, '/'));
        Assert.All(projects, p => Assert.Contains($"COPY {p} ", dockerfile, StringComparison.Ordinal));
    }

    // Type and namespace names, not words in prose ("the SQLite store") or registration methods (AddCiteGraphSqliteStore).
    [GeneratedRegex(@"Microsoft\.Data\.Sqlite|CiteGraph\.Graph\.Sqlite|\bSqlite[A-Z]\w*")]
    private static partial Regex SqliteTypes();

    [GeneratedRegex(@"CiteGraph\.Graph\.Neo4j|\bNeo4j[A-Z]\w*")]
    private static partial Regex Neo4jTypes();
}
