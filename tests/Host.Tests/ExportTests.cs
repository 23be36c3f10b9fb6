using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CiteGraph.Graph.Export;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>Exports over HTTP and from the CLI: valid against the published schemas, round-tripping, guarded by the key.</summary>
public sealed class ExportTests(ExportServer server) : IClassFixture<ExportServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Xsd(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "xsd", name);

    private async Task<HttpResponseMessage> GetAsync(string url, bool key = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key)
        {
            request.Headers.Add("X-Api-Key", ExportServer.ApiKey);
        }

        return await server.CreateClient().SendAsync(request, Ct);
    }

    /// <summary>Reader settings validating against the hand-written subset schemas, collecting errors and warnings.</summary>
    internal static XmlReaderSettings ValidatingSettings(List<string> errors, params string[] schemas)
    {
        var set = new XmlSchemaSet();
        foreach (var schema in schemas)
        {
            set.Add(null, Xsd(schema));
        }

        set.Compile();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        return settings;
    }

    internal static List<string> Validate(string xml, params string[] schemas)
    {
        var errors = new List<string>();
        using var reader = XmlReader.Create(new StringReader(xml), ValidatingSettings(errors, schemas));
        while (reader.Read())
        {
        }

        return errors;
    }

    [Fact]
    public async Task Whole_graph_export_needs_the_api_key()
    {
        using var without = await GetAsync("/export/graphml");
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("X-Api-Key", await without.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var with = await GetAsync("/export/graphml", key: true);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal("application/graphml+xml", with.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Seeded_export_is_public_and_unknown_input_is_refused()
    {
        using var seeded = await GetAsync($"/export/cytoscape?seeds={server.Ids[0]}&radius=1");
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        using var unknownFormat = await GetAsync($"/export/pajek?seeds={server.Ids[0]}");
        Assert.Equal(HttpStatusCode.NotFound, unknownFormat.StatusCode);
        using var unknownSeed = await GetAsync("/export/gexf?seeds=P0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknownSeed.StatusCode);
        Assert.Contains("P0000000000000000", await unknownSeed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var badRadius = await GetAsync($"/export/gexf?seeds={server.Ids[0]}&radius=9");
        Assert.Equal(HttpStatusCode.BadRequest, badRadius.StatusCode);
    }

    [Fact]
    public async Task GraphML_of_the_whole_graph_validates_against_the_GraphML_schema()
    {
        using var response = await GetAsync("/export/graphml", key: true);
        var xml = await response.Content.ReadAsStringAsync(Ct);

        Assert.Empty(Validate(xml, "graphml.xsd"));
        var doc = XDocument.Parse(xml);
        XNamespace g = GraphMLWriter.Namespace;
        Assert.Equal(server.Ids.Count, doc.Descendants(g + "node").Count());
        var edges = doc.Descendants(g + "edge").ToList();
        Assert.Contains(edges, e => e.Elements(g + "data").Any(d => (string?)d.Attribute("key") == "kind" && d.Value == "CITES"));
        var inferred = Assert.Single(edges, e => e.Elements(g + "data").Any(d => d.Value == "CITES_INFERRED"));
        Assert.Contains(inferred.Elements(g + "data"), d => d.Value == "sparse lattice attention (SLA)");
        Assert.Contains(edges, e => (string?)e.Attribute("directed") == "false");
    }

    [Fact]
    public async Task GEXF_validates_against_the_GEXF_schema_with_viz_sizes_and_colors()
    {
        using var response = await GetAsync("/export/gexf", key: true);
        var xml = await response.Content.ReadAsStringAsync(Ct);

        Assert.Empty(Validate(xml, "gexf.xsd", "viz.xsd"));
        var doc = XDocument.Parse(xml);
        XNamespace g = GexfWriter.Namespace;
        XNamespace viz = GexfWriter.VizNamespace;
        var nodes = doc.Descendants(g + "node").ToList();
        Assert.Equal(server.Ids.Count, nodes.Count);
        Assert.All(nodes, n => Assert.NotNull(n.Element(viz + "size")));
        Assert.True(nodes.Select(n => (double)n.Element(viz + "size")!.Attribute("value")!).Distinct().Count() > 1, "sizes follow PageRank");
    }

    [Fact]
    public async Task A_broken_document_fails_the_schemas()
    {
        using var response = await GetAsync($"/export/graphml?seeds={server.Ids[1]}");
        var xml = (await response.Content.ReadAsStringAsync(Ct)).Replace($"target=\"{server.Ids[0]}\"", "target=\"Pnowhere\"", StringComparison.Ordinal);
        Assert.NotEmpty(Validate(xml, "graphml.xsd"));

        using var gexf = await GetAsync($"/export/gexf?seeds={server.Ids[1]}");
        var broken = (await gexf.Content.ReadAsStringAsync(Ct)).Replace("version=\"1.2\"", "version=\"9\"", StringComparison.Ordinal);
        Assert.NotEmpty(Validate(broken, "gexf.xsd", "viz.xsd"));
    }

    [Fact]
    public async Task CSV_tables_round_trip_to_the_same_nodes_and_edges()
    {
        var seeds = $"seeds={server.Ids[3]}&radius=2";
        using var nodesResponse = await GetAsync($"/export/csv?{seeds}");
        using var edgesResponse = await GetAsync($"/export/csv?{seeds}&table=edges");
        using var json = await GetAsync($"/export/cytoscape?{seeds}");
        var nodes = CsvExport.ReadNodes(new StringReader(await nodesResponse.Content.ReadAsStringAsync(Ct)));
        var edges = CsvExport.ReadEdges(new StringReader(await edgesResponse.Content.ReadAsStringAsync(Ct)));
        var elements = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("elements");

        var jsonNodes = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).ToList();
        Assert.Equal(jsonNodes.Select(n => n.GetProperty("id").GetString()), nodes.Select(n => n.Id));
        Assert.Equal(jsonNodes.Select(n => n.GetProperty("label").GetString()), nodes.Select(n => n.Label));
        Assert.Equal(jsonNodes.Select(n => n.TryGetProperty("pageRank", out var p) ? p.GetDouble() : (double?)null), nodes.Select(n => n.PageRank));
        Assert.Equal(elements.GetProperty("edges").GetArrayLength(), edges.Count);
        Assert.Contains(nodes, n => n.Seed && n.Id == server.Ids[3]);

        // Writing what was read gives the same bytes.
        var graph = new ExportGraph(nodes, edges, false);
        Assert.Equal(await nodesResponse.Content.ReadAsStringAsync(Ct), Csv(graph, CsvTable.Nodes));
        Assert.Equal(await edgesResponse.Content.ReadAsStringAsync(Ct), Csv(graph, CsvTable.Edges));
    }

    [Fact]
    public void CSV_keeps_commas_quotes_and_line_breaks()
    {
        var node = new ExportNode("P1", "Commas, \"quotes\"\r\nand lines", 2024, "2024-05", 3, 0.125, true, false, "2405.00001", null,
            ["https://github.com/a/b", "https://github.com/c/d"]);
        var edge = new ExportEdge("P1", "P2", ExportEdgeKinds.CitesInferred, 0.8, "as in \"Foo, 2020\"", null);
        var graph = new ExportGraph([node], [edge], false);

        var read = CsvExport.ReadNodes(new StringReader(Csv(graph, CsvTable.Nodes))).Single();
        Assert.Equal(node with { Repos = [] }, read with { Repos = [] });
        Assert.Equal(node.Repos, read.Repos);
        Assert.Equal(edge, CsvExport.ReadEdges(new StringReader(Csv(graph, CsvTable.Edges))).Single());
    }

    [Fact]
    public void Titles_with_markup_and_control_characters_stay_valid_XML()
    {
        var node = new ExportNode("P1", "A <b>&amp;</b> \u0001title \U0001F600", null, null, null, null, false, false, null, null, []);
        var graph = new ExportGraph([node, node with { Id = "P2", Label = "B" }], [new ExportEdge("P1", "P2", ExportEdgeKinds.Cites, 1, "x\u0002y", null)], false);
        using var graphml = new MemoryStream();
        GraphMLWriter.Write(graph, graphml);
        using var gexf = new MemoryStream();
        GexfWriter.Write(graph, gexf);

        var graphmlText = Encoding.UTF8.GetString(graphml.ToArray());
        Assert.Empty(Validate(graphmlText, "graphml.xsd"));
        Assert.Empty(Validate(Encoding.UTF8.GetString(gexf.ToArray()), "gexf.xsd", "viz.xsd"));
        Assert.Contains(XDocument.Parse(graphmlText).Descendants(), e => e.Value == "A <b>&amp;</b> title \U0001F600");
    }

    [Fact]
    public async Task BibTeX_has_one_entry_per_loaded_paper_with_escaped_titles()
    {
        using var response = await GetAsync("/export/bibtex", key: true);
        var bib = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(server.Ids.Count, bib.Split("@misc{").Length - 1);
        Assert.Equal(bib.Count(c => c == '{'), bib.Count(c => c == '}'));
        Assert.Equal(@"50\% of \{x\} \& y\_z", BibtexWriter.Escape("50% of {x} & y_z"));
        Assert.Equal("https://github.com/a/graph_weaver", BibtexWriter.Verbatim("https://github.com/a/graph_weaver}"));
        Assert.DoesNotContain(@"\_", string.Join('\n', bib.Split('\n').Where(l => l.Contains("url", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    private static string Csv(ExportGraph graph, CsvTable table)
    {
        using var stream = new MemoryStream();
        CsvExport.Write(graph, table, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>The export command, run in-process like a user runs it (console tests run one at a time).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ExportCommandTests(ExportServer server) : IClassFixture<ExportServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Validate(string xml, params string[] schemas) => ExportTests.Validate(xml, schemas);

    [Fact]
    public async Task CLI_export_writes_every_format_and_csv_as_two_tables()
    {
        using var dir = new TempDirectory();
        foreach (var format in ExportFormats.Names)
        {
            var file = dir.File("graph." + format);
            Assert.Equal(0, await Program.Main(["export", "--format", format, "--db", server.DatabasePath, "--out", file, "--seeds", server.Ids[0], "--radius", "2"]));
            Assert.True(new FileInfo(file).Length > 0, format);
        }

        Assert.Empty(Validate(await File.ReadAllTextAsync(dir.File("graph.graphml"), Ct), "graphml.xsd"));
        Assert.Empty(Validate(await File.ReadAllTextAsync(dir.File("graph.gexf"), Ct), "gexf.xsd", "viz.xsd"));
        var edges = CsvExport.ReadEdges(new StringReader(await File.ReadAllTextAsync(dir.File("graph.edges.csv"), Ct)));
        Assert.NotEmpty(edges);
        Assert.Equal(1, await Program.Main(["export", "--format", "gexf", "--db", server.DatabasePath, "--seeds", "P0000000000000000"]));
    }

    [Fact]
    public async Task CLI_exports_validate_against_the_published_schemas()
    {
        var schemas = PublishedSchemas.Require();
        using var dir = new TempDirectory();
        foreach (var (format, args) in new[] { ("graphml", new[] { "--seeds", server.Ids[0], "--radius", "2" }), ("gexf", []) })
        {
            Assert.Equal(0, await Program.Main(["export", "--format", format, "--db", server.DatabasePath, "--out", dir.File("graph." + format), .. args]));
        }

        Assert.Empty(schemas.Validate(await File.ReadAllTextAsync(dir.File("graph.graphml"), Ct), "graphml.xsd"));
        Assert.Empty(PublishedSchemaExportTests.ValidateGexf(schemas, await File.ReadAllTextAsync(dir.File("graph.gexf"), Ct)));
    }
}
