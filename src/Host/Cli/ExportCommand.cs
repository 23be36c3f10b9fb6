using System.CommandLine;
using CiteGraph.Graph.Export;
using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Host.Cli;

/// <summary>
/// <c>citegraph export --format graphml|gexf|cytoscape|csv|bibtex [--kinds KIND,…] [--seeds ID,… --radius N --max-nodes N] [--db PATH] [--out FILE]</c>,
/// or <c>citegraph export --format neo4j-admin --out DIR [--store URI]</c>: the whole store as neo4j-admin import files.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var format = new Option<string>("--format", "-f")
        {
            Description = string.Join("; ", ExportFormats.All.Select(f => $"{f.Name} ({f.Description})")) + ".",
            Required = true,
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong([.. ExportFormats.AllNames]);
        var seeds = new Option<string[]>("--seeds")
        {
            Description = "Export the neighbourhood of these papers (CiteGraph ids, arXiv ids, DOIs; comma- or space-separated) instead of the whole graph.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "ID",
        };
        var kinds = new Option<string[]>("--kinds")
        {
            Description = $"Edge kinds to write (and, with --seeds, to follow): {string.Join(", ", ExportEdgeKinds.OptionNames)}; comma-separated or repeated. All by default.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "KIND",
        };
        var radius = new Option<int>("--radius") { Description = "Hops from the seeds (0–3).", DefaultValueFactory = _ => 1 };
        var maxNodes = new Option<int>("--max-nodes") { Description = "Most papers a seeded export holds.", DefaultValueFactory = _ => 1_000 };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "File to write (stdout when absent). For csv, FILE gets the nodes and FILE with .edges before the extension the edges. For neo4j-admin, the directory to write (required).",
            HelpName = "FILE|DIR",
        };
        var table = new Option<string>("--table") { Description = "For csv on stdout: nodes or edges.", DefaultValueFactory = _ => "nodes" };
        table.AcceptOnlyFromAmong("nodes", "edges");
        var command = new Command("export", "Write the graph, or a neighbourhood of some papers, for graph tools (Gephi, Cytoscape, yEd) or reference managers.")
        {
            db, format, kinds, seeds, radius, maxNodes, output, table,
        };
        var storeOption = StoreSelection.Option();
        command.Options.Add(storeOption);
        command.SetAction(async (result, ct) =>
        {
            if (!StoreSelection.TryResolve(result, db, storeOption, out var location, out var error))
            {
                return await StoreSelection.FailAsync(error);
            }

            if (await CommonOptions.ReportProblemAsync(location!))
            {
                return 1;
            }

            ExportFormats.TryParse(result.GetRequiredValue(format), out var kind);
            if (ExportFormats.Info(kind).IsDirectory)
            {
                return await AdminImportExportCommand.RunAsync(location!, result.GetValue(output), ct);
            }
            if (!ExportEdgeKinds.TryParse(result.GetValue(kinds) ?? [], out var edgeKinds, out var unknown))
            {
                await Console.Error.WriteLineAsync("--kinds: " + ExportEdgeKinds.UnknownMessage(unknown!));
                return 2;
            }

            var seedList = (result.GetValue(seeds) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var r = result.GetValue(radius);
            if (r is < 0 or > 3 || result.GetValue(maxNodes) < 1)
            {
                await Console.Error.WriteLineAsync("--radius must be 0–3 and --max-nodes at least 1.");
                return 1;
            }

            await using var store = CommonOptions.OpenStore(location!);
            await store.InitializeAsync(ct);
            var snapshot = await new SnapshotHolder(store).RebuildAsync(ct);
            ExportGraph graph;
            try
            {
                var scope = seedList.Count == 0 ? ExportScope.Everything with { Kinds = edgeKinds }
                    : new ExportScope { Seeds = seedList, Radius = r, MaxNodes = result.GetValue(maxNodes), MaxEdges = int.MaxValue, Kinds = edgeKinds };
                graph = await ExportGraphBuilder.BuildAsync(snapshot, store, scope, ct);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message.Split(" (Parameter", 2)[0]);
                return 1;
            }

            var file = result.GetValue(output);
            if (file is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                GraphExporter.Write(graph, kind, stdout, result.GetValue(table) == "edges" ? CsvTable.Edges : CsvTable.Nodes);
            }
            else
            {
                Write(graph, kind, file, CsvTable.Nodes);
                if (kind == ExportFormat.Csv)
                {
                    var edges = EdgesPath(file);
                    Write(graph, kind, edges, CsvTable.Edges);
                    await Console.Error.WriteLineAsync($"{graph.Nodes.Count} nodes → {file}, {graph.Edges.Count} edges → {edges}");
                }
                else
                {
                    await Console.Error.WriteLineAsync($"{graph.Nodes.Count} nodes, {graph.Edges.Count} edges → {file}");
                }
            }

            if (graph.Truncated)
            {
                await Console.Error.WriteLineAsync("note: --max-nodes cut the neighbourhood short.");
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>graph.csv</c> → <c>graph.edges.csv</c>.</summary>
    public static string EdgesPath(string nodesPath) =>
        Path.Combine(Path.GetDirectoryName(nodesPath) ?? "", Path.GetFileNameWithoutExtension(nodesPath) + ".edges" + (Path.HasExtension(nodesPath) ? Path.GetExtension(nodesPath) : ".csv"));

    private static void Write(ExportGraph graph, ExportFormat kind, string file, CsvTable table)
    {
        using var stream = File.Create(file);
        GraphExporter.Write(graph, kind, stream, table);
    }
}
