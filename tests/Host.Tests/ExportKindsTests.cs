using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CiteGraph.Graph.Export;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>What an export holds, format by format: the papers' ids and the kind of each edge, in file order.</summary>
internal sealed record ExportSummary(IReadOnlyList<string> Nodes, IReadOnlyList<string> EdgeKinds)
{
    /// <summary>Reads <paramref name="text"/> (for CSV the nodes table, with the edges table in <paramref name="csvEdges"/>).</summary>
    public static ExportSummary Read(string format, string text, string? csvEdges = null) => format switch
    {
        "graphml" => GraphML(XDocument.Parse(text)),
        "gexf" => Gexf(XDocument.Parse(text)),
        "cytoscape" => Cytoscape(JsonDocument.Parse(text).RootElement.GetProperty("elements")),
        "csv" => new(
            [.. CsvExport.ReadNodes(new StringReader(text)).Select(n => n.Id)],
            [.. CsvExport.ReadEdges(new StringReader(csvEdges!)).Select(e => e.Kind)]),
        "bibtex" => new([.. Regex.Matches(text, @"^  citegraph = \{(P[0-9a-f]+)\}$", RegexOptions.Multiline).Select(m => m.Groups[1].Value)], []),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static ExportSummary GraphML(XDocument doc)
    {
        XNamespace g = GraphMLWriter.Namespace;
        return new(
            [.. doc.Descendants(g + "node").Select(n => (string)n.Attribute("id")!)],
            [.. doc.Descendants(g + "edge").Select(e => e.Elements(g + "data").Single(d => (string?)d.Attribute("key") == "kind").Value)]);
    }

    private static ExportSummary Gexf(XDocument doc)
    {
        XNamespace g = GexfWriter.Namespace;
        return new(
            [.. doc.Descendants(g + "node").Select(n => (string)n.Attribute("id")!)],
            [.. doc.Descendants(g + "edge").Select(e => (string)e.Attribute("label")!)]);
    }

    private static ExportSummary Cytoscape(JsonElement elements) => new(
        [.. elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()!)],
        [.. elements.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("kind").GetString()!)]);
}

/// <summary><c>?kinds=</c> over HTTP: each format holds only the chosen edge kinds; unknown names are refused.</summary>
public sealed class ExportKindsTests(ExportServer server) : IClassFixture<ExportServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Formats => [.. ExportFormats.Names];

    private async Task<HttpResponseMessage> SendAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", ExportServer.ApiKey);
        return await server.CreateClient().SendAsync(request, Ct);
    }

    private async Task<string> GetAsync(string url)
    {
        using var response = await SendAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<ExportSummary> SummaryAsync(string format, string query)
    {
        var text = await GetAsync($"/export/{format}?{query}");
        var edges = format == "csv" ? await GetAsync($"/export/csv?{query}&table=edges") : null;
        return ExportSummary.Read(format, text, edges);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Whole_graph_of_chosen_kinds_keeps_every_paper_and_only_those_edges(string format)
    {
        var all = await SummaryAsync(format, "");
        var cites = await SummaryAsync(format, "kinds=cites");
        var undirected = await SummaryAsync(format, "kinds=shared-repo,co-topic");

        Assert.Equal(server.Ids.Order(StringComparer.Ordinal), all.Nodes.Order(StringComparer.Ordinal));
        Assert.Equal(all.Nodes, cites.Nodes);
        Assert.Equal(all.Nodes, undirected.Nodes);
        Assert.Equal(all.EdgeKinds.Where(k => k == ExportEdgeKinds.Cites), cites.EdgeKinds);
        Assert.Equal(all.EdgeKinds.Where(k => k is ExportEdgeKinds.SharedRepo or ExportEdgeKinds.CoTopic), undirected.EdgeKinds);
        if (format != "bibtex")
        {
            // The fixture's 7 stated citations, 1 inferred one and the demo corpus's shared repositories.
            Assert.Equal(7, cites.EdgeKinds.Count);
            Assert.Contains(ExportEdgeKinds.CitesInferred, all.EdgeKinds);
            Assert.Contains(ExportEdgeKinds.SharedRepo, undirected.EdgeKinds);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Seeded_export_follows_only_the_chosen_kinds(string format)
    {
        // Around paper 0: 1 cites it, 4 cites it (inferred); nothing else cites or is cited by it.
        var seed = $"seeds={server.Ids[0]}&radius=1";
        var cites = await SummaryAsync(format, $"{seed}&kinds=cites");
        var citations = await SummaryAsync(format, $"{seed}&kinds=cites&kinds=CITES_INFERRED");

        Assert.Equal([server.Ids[0], server.Ids[1]], cites.Nodes);
        Assert.Equal(new[] { server.Ids[0], server.Ids[1], server.Ids[4] }.Order(StringComparer.Ordinal), citations.Nodes.Order(StringComparer.Ordinal));
        if (format != "bibtex")
        {
            Assert.Equal([ExportEdgeKinds.Cites], cites.EdgeKinds);
            Assert.Equal([ExportEdgeKinds.Cites, ExportEdgeKinds.CitesInferred], citations.EdgeKinds.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Citations_only_GraphML_and_GEXF_are_directed_graphs_without_undirected_edges()
    {
        XNamespace graphml = GraphMLWriter.Namespace;
        XNamespace gexf = GexfWriter.Namespace;
        var g = await GetAsync("/export/graphml?kinds=cites,cites-inferred");
        var x = await GetAsync("/export/gexf?kinds=cites,cites-inferred");
        var repos = await GetAsync("/export/graphml?kinds=shared-repo");

        Assert.Empty(ExportTests.Validate(g, "graphml.xsd"));
        Assert.Empty(ExportTests.Validate(x, "gexf.xsd", "viz.xsd"));
        Assert.Empty(ExportTests.Validate(repos, "graphml.xsd"));
        Assert.Equal("directed", (string?)XDocument.Parse(g).Descendants(graphml + "graph").Single().Attribute("edgedefault"));
        Assert.Equal(8, XDocument.Parse(g).Descendants(graphml + "edge").Count());
        Assert.DoesNotContain("directed=\"false\"", g, StringComparison.Ordinal);
        Assert.Equal("directed", (string?)XDocument.Parse(x).Descendants(gexf + "graph").Single().Attribute("defaultedgetype"));
        Assert.All(XDocument.Parse(x).Descendants(gexf + "edge"), e => Assert.Null(e.Attribute("type")));
        Assert.Equal("undirected", (string?)XDocument.Parse(repos).Descendants(graphml + "graph").Single().Attribute("edgedefault"));
        Assert.DoesNotContain("directed=\"false\"", repos, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cites,citations", "citations")]
    [InlineData("inferred", "inferred")]
    [InlineData("cites&kinds=co_topics", "co_topics")]
    public async Task Unknown_kinds_are_a_400_problem_listing_the_valid_ones(string kinds, string unknown)
    {
        foreach (var url in new[] { $"/export/graphml?seeds={server.Ids[0]}&kinds={kinds}", $"/export/csv?kinds={kinds}" })
        {
            using var response = await SendAsync(url);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
            Assert.Contains($"'{unknown}'", detail, StringComparison.Ordinal);
            Assert.All(ExportEdgeKinds.OptionNames, name => Assert.Contains(name, detail, StringComparison.Ordinal));
        }
    }
}

/// <summary><c>--kinds</c> on the command line (console tests run one at a time).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ExportKindsCommandTests(ExportServer server) : IClassFixture<ExportServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CLI_export_writes_only_the_chosen_kinds_given_comma_separated_or_repeated()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, await Program.Main(["export", "--format", "csv", "--db", server.DatabasePath, "--out", dir.File("all.csv")]));
        Assert.Equal(0, await Program.Main(["export", "--format", "csv", "--db", server.DatabasePath, "--out", dir.File("cites.csv"), "--kinds", "cites", "--kinds", "cites-inferred"]));
        Assert.Equal(0, await Program.Main(["export", "--format", "graphml", "--db", server.DatabasePath, "--out", dir.File("cites.graphml"), "--kinds", "cites,cites-inferred"]));
        Assert.Equal(0, await Program.Main(["export", "--format", "gexf", "--db", server.DatabasePath, "--out", dir.File("repos.gexf"), "--kinds", "SHARED_REPO", "--seeds", server.Ids[0], "--radius", "2"]));

        var all = await ReadAsync(dir, "csv", "all.csv");
        var csv = await ReadAsync(dir, "csv", "cites.csv");
        var graphml = await ReadAsync(dir, "graphml", "cites.graphml");
        var repos = await ReadAsync(dir, "gexf", "repos.gexf");
        var citations = all.EdgeKinds.Where(k => k is ExportEdgeKinds.Cites or ExportEdgeKinds.CitesInferred).ToList();
        Assert.Equal(8, citations.Count);
        Assert.True(all.EdgeKinds.Count > citations.Count, "the whole export has more than citations");
        Assert.Equal(all.Nodes, csv.Nodes);
        Assert.Equal(citations, csv.EdgeKinds);
        Assert.Equal(all.Nodes, graphml.Nodes);
        Assert.Equal(citations, graphml.EdgeKinds);
        Assert.All(repos.EdgeKinds, k => Assert.Equal(ExportEdgeKinds.SharedRepo, k));
        Assert.Empty(ExportTests.Validate(await File.ReadAllTextAsync(dir.File("cites.graphml"), Ct), "graphml.xsd"));
        Assert.Empty(ExportTests.Validate(await File.ReadAllTextAsync(dir.File("repos.gexf"), Ct), "gexf.xsd", "viz.xsd"));
    }

    [Fact]
    public async Task CLI_export_refuses_unknown_kinds_with_exit_2_listing_the_valid_ones()
    {
        using var dir = new TempDirectory();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await Program.Main(["export", "--format", "graphml", "--db", server.DatabasePath, "--out", dir.File("x.graphml"), "--kinds", "cites,citations"]));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("--kinds: Unknown edge kind 'citations'", error.ToString(), StringComparison.Ordinal);
        Assert.All(ExportEdgeKinds.OptionNames, name => Assert.Contains(name, error.ToString(), StringComparison.Ordinal));
        Assert.False(File.Exists(dir.File("x.graphml")));
    }

    private static async Task<ExportSummary> ReadAsync(TempDirectory dir, string format, string file) =>
        ExportSummary.Read(format, await File.ReadAllTextAsync(dir.File(file), Ct),
            format == "csv" ? await File.ReadAllTextAsync(dir.File(Path.GetFileNameWithoutExtension(file) + ".edges.csv"), Ct) : null);
}
