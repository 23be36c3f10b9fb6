using System.Net;
using System.Xml;
using CiteGraph.Graph.Export;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Host.Export;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Host.Tests;

/// <summary>A served synthetic corpus large enough that its whole-graph export runs to megabytes.</summary>
public sealed class LargeExportServer : PreparedServerFactory, IAsyncLifetime
{
    public const string ApiKey = "large-export-key";
    public const int Papers = 3_000;

    public LargeExportServer() => Set("CiteGraph:ApiKey", ApiKey);

    public async ValueTask InitializeAsync()
    {
        var corpus = Directory.File("corpus.jsonl");
        await SyntheticCorpus.WriteAsync(corpus, new GeneratorOptions { Papers = Papers, RefsPerPaper = 4, Seed = 7 });
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = DatabasePath });
        await new Ingestor(store).LoadAsync([InputFile.FromPath(corpus)]);
    }
}

/// <summary>The whole-graph export is staged in a temporary file, not in memory: a large one still arrives whole.</summary>
public sealed class LargeExportTests(LargeExportServer server) : IClassFixture<LargeExportServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", LargeExportServer.ApiKey);
        return await server.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    [Fact]
    public async Task A_large_whole_graph_export_arrives_whole_parses_and_leaves_no_temporary_file()
    {
        var before = TemporaryFiles();
        using var response = await GetAsync("/export/graphml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("false", response.Headers.GetValues("X-CiteGraph-Truncated").Single());
        Assert.Equal("citegraph.graphml", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var length = response.Content.Headers.ContentLength;

        // Read as it comes, through the validating reader (the hand-written GraphML subset checks that every edge end
        // names a node, so a cut or spliced document fails).
        await using var body = new CountingStream(await response.Content.ReadAsStreamAsync(Ct));
        var errors = new List<string>();
        var settings = ExportTests.ValidatingSettings(errors, "graphml.xsd");
        int nodes = 0, edges = 0;
        var closed = false;
        using (var reader = XmlReader.Create(body, settings))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, NamespaceURI: GraphMLWriter.Namespace })
                {
                    nodes += reader.LocalName == "node" ? 1 : 0;
                    edges += reader.LocalName == "edge" ? 1 : 0;
                }

                closed |= reader is { NodeType: XmlNodeType.EndElement, LocalName: "graphml", Depth: 0 };
            }
        }

        Assert.Empty(errors);
        Assert.True(closed, "the document ends with </graphml>");
        Assert.True(body.Count > 2_000_000, $"a large export ({body.Count:N0} bytes)");
        Assert.Equal(length, body.Count);
        Assert.True(nodes >= LargeExportServer.Papers, $"{nodes} nodes");

        // The same graph as the CSV tables (another writer over the same scope).
        using var csvNodes = await GetAsync("/export/csv");
        using var csvEdges = await GetAsync("/export/csv?table=edges");
        Assert.Equal(CsvExport.ReadNodes(new StringReader(await csvNodes.Content.ReadAsStringAsync(Ct))).Count, nodes);
        Assert.Equal(CsvExport.ReadEdges(new StringReader(await csvEdges.Content.ReadAsStringAsync(Ct))).Count, edges);

        // Every staged file is deleted once its response has been sent.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (TemporaryFiles().Except(before).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Empty(TemporaryFiles().Except(before));
    }

    private static string[] TemporaryFiles() => Directory.GetFiles(Path.GetTempPath(), ExportEndpoint.TemporaryFilePrefix + "*");
}
