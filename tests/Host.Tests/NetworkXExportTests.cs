using System.Diagnostics;
using System.Text.Json;
using CiteGraph.Graph.Export;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>
/// A real consumer: NetworkX (Debian's python3-networkx; .ci/run installs it) reads our GraphML and GEXF. Skipped with
/// the reason when no python3 with networkx is found.
/// </summary>
public sealed class NetworkXExportTests(ExportServer server) : IClassFixture<ExportServer>
{
    private static readonly string[] Pythons = ["/usr/bin/python3", "python3"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> WholeAsync(string format, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/export/{format}{query}");
        request.Headers.Add("X-Api-Key", ExportServer.ApiKey);
        using var response = await server.CreateClient().SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task NetworkX_reads_a_citations_only_export_with_counts_attributes_colours_and_sizes()
    {
        // kinds=cites: every edge directed, so NetworkX opens the whole graph's file as written, as a DiGraph.
        var nodes = CsvExport.ReadNodes(new StringReader(await WholeAsync("csv")));
        var edges = CsvExport.ReadEdges(new StringReader(await WholeAsync("csv", "?table=edges")));
        var cites = edges.Count(e => e.Kind == ExportEdgeKinds.Cites);
        var ranked = nodes.First(n => n.PageRank is not null);
        using var dir = new TempDirectory();

        var fromGraphml = await ReadAsync("graphml", Write(dir.File("cites.graphml"), await WholeAsync("graphml", "?kinds=cites")), ranked.Id);
        var fromGexf = await ReadAsync("gexf", Write(dir.File("cites.gexf"), await WholeAsync("gexf", "?kinds=cites")), ranked.Id);

        Assert.True(edges.Count > cites, "the whole graph has more than stated citations");
        foreach (var read in new[] { fromGraphml, fromGexf })
        {
            Assert.True(read.GetProperty("directed").GetBoolean());
            Assert.Equal(nodes.Count, read.GetProperty("nodes").GetInt32());
            Assert.Equal(cites, read.GetProperty("edges").GetInt32());
            Assert.Equal(ranked.Label, read.GetProperty("node").GetProperty("label").GetString());
            Assert.Equal(ranked.PageRank!.Value, read.GetProperty("node").GetProperty("pageRank").GetDouble(), 12);
        }

        // Colours and sizes survive: NetworkX finds them only as viz:color/viz:size.
        var viz = fromGexf.GetProperty("node").GetProperty("viz");
        var (r, g, b) = CommunityPalette.Of(ranked.Community);
        Assert.Equal(r, viz.GetProperty("color").GetProperty("r").GetInt32());
        Assert.Equal(g, viz.GetProperty("color").GetProperty("g").GetInt32());
        Assert.Equal(b, viz.GetProperty("color").GetProperty("b").GetInt32());
        Assert.True(viz.GetProperty("size").GetDouble() >= 4);
    }

    [Fact]
    public async Task NetworkX_reads_both_kinds_of_citation_as_a_directed_graph_and_shared_repositories_as_an_undirected_one()
    {
        var edges = CsvExport.ReadEdges(new StringReader(await WholeAsync("csv", "?table=edges")));
        using var dir = new TempDirectory();

        foreach (var format in new[] { "graphml", "gexf" })
        {
            var citations = await ReadAsync(format, Write(dir.File("citations." + format), await WholeAsync(format, "?kinds=cites,cites-inferred")), server.Ids[0]);
            var repos = await ReadAsync(format, Write(dir.File("repos." + format), await WholeAsync(format, "?kinds=shared-repo")), server.Ids[0]);

            Assert.Equal((true, edges.Count(e => e.Directed)), (citations.GetProperty("directed").GetBoolean(), citations.GetProperty("edges").GetInt32()));
            Assert.Equal((false, edges.Count(e => !e.Directed)), (repos.GetProperty("directed").GetBoolean(), repos.GetProperty("edges").GetInt32()));
        }
    }

    [Fact]
    public async Task NetworkX_refuses_the_mixed_graph_of_citations_and_shared_repositories()
    {
        // NetworkX has no mixed graphs: one undirected edge (a shared repository) in a directed graph and it stops,
        // where Gephi, Cytoscape and yEd keep both kinds. The default export (every kind) is still such a graph, and
        // GraphML/GEXF 1.2 can only say so edge by edge; pinned so the README's advice (pick kinds) stays needed and true.
        using var dir = new TempDirectory();
        var graphml = await ReadAsync("graphml", Write(dir.File("all.graphml"), await WholeAsync("graphml")), "-");
        var gexf = await ReadAsync("gexf", Write(dir.File("all.gexf"), await WholeAsync("gexf")), "-");

        Assert.Contains("directed=false edge found in directed graph", graphml.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("Undirected edge found in directed graph", gexf.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<JsonElement> ReadAsync(string format, string path, string node)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "networkx_read.py");
        var notes = new List<string>();
        foreach (var python in Pythons)
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-I", script, format, path, node })
            {
                start.ArgumentList.Add(arg);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                notes.Add($"{python}: not found");
                continue;
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync(Ct);
                var error = process.StandardError.ReadToEndAsync(Ct);
                await process.WaitForExitAsync(Ct);
                if (process.ExitCode == 3)
                {
                    notes.Add((await output).Trim());
                    continue;
                }

                Assert.True(process.ExitCode == 0, $"{python} {script} failed ({process.ExitCode}): {await error}");
                return JsonDocument.Parse(await output).RootElement.Clone();
            }
        }

        Assert.Skip($"No python3 with NetworkX (Debian package python3-networkx; .ci/run installs it): {string.Join("; ", notes)}.");
        return default;
    }
}
