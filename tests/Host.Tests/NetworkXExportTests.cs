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
    public async Task NetworkX_reads_the_citations_with_counts_attributes_colours_and_sizes()
    {
        // The whole graph's papers and its citations (directed), through the CSV round trip, written by the writers.
        var nodes = CsvExport.ReadNodes(new StringReader(await WholeAsync("csv")));
        var edges = CsvExport.ReadEdges(new StringReader(await WholeAsync("csv", "?table=edges"))).Where(e => e.Directed).ToList();
        var graph = new ExportGraph(nodes, edges, false);
        var ranked = nodes.First(n => n.PageRank is not null);
        using var dir = new TempDirectory();
        var graphml = Write(dir.File("citations.graphml"), s => GraphMLWriter.Write(graph, s));
        var gexf = Write(dir.File("citations.gexf"), s => GexfWriter.Write(graph, s));

        var fromGraphml = await ReadAsync("graphml", graphml, ranked.Id);
        var fromGexf = await ReadAsync("gexf", gexf, ranked.Id);

        foreach (var read in new[] { fromGraphml, fromGexf })
        {
            Assert.True(read.GetProperty("directed").GetBoolean());
            Assert.Equal(nodes.Count, read.GetProperty("nodes").GetInt32());
            Assert.Equal(edges.Count, read.GetProperty("edges").GetInt32());
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
    public async Task NetworkX_refuses_the_mixed_graph_of_citations_and_shared_repositories()
    {
        // NetworkX has no mixed graphs: one undirected edge (a shared repository) in a directed graph and it stops,
        // where Gephi, Cytoscape and yEd keep both kinds. Pinned so the README's caveat stays true.
        using var dir = new TempDirectory();
        var graphml = await ReadAsync("graphml", Write(dir.File("all.graphml"), await WholeAsync("graphml")), "-");
        var gexf = await ReadAsync("gexf", Write(dir.File("all.gexf"), await WholeAsync("gexf")), "-");

        Assert.Contains("directed=false edge found in directed graph", graphml.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("Undirected edge found in directed graph", gexf.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static string Write(string path, Action<Stream> write)
    {
        using var file = File.Create(path);
        write(file);
        return path;
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
