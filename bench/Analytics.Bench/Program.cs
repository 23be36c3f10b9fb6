// Analytics benchmark harness (driven by bench/run-analytics.sh).
//
//   dotnet run -c Release --project bench/Analytics.Bench -- gen <nodes> <edgesPerNode> <seed> <out.txt>
//       writes a deterministic directed preferential-attachment graph as a "u v" edge list (dense ids)
//   dotnet run -c Release --project bench/Analytics.Bench -- run <edges.txt> <outDir> <algo,algo,...> [repeats]
//       loads the edge list, times each kernel (algorithm only; load and undirected view timed separately) and prints
//       one JSON line per measurement; algos: pagerank, pagerank-gds, wcc, scc, kcore, louvain, leiden, betweenness,
//       betweenness-undirected
//   dotnet run -c Release --project bench/Analytics.Bench -- leiden-scale <papers> [refs=10] [seed=1] [edges-out.txt]
//       generates `citegraph generate`'s citation graph in memory, runs analyze's hierarchical Leiden on it and prints per
//       hierarchy level and aggregation level the visits, moves and phase times (issue 22); optionally writes the edge list
//   dotnet run -c Release --project bench/Analytics.Bench -- bdn [BenchmarkDotNet args]
//       BenchmarkDotNet micro-benchmarks on generated graphs (artifacts in BenchmarkDotNet.Artifacts/, git-ignored)
using BenchmarkDotNet.Running;
using CiteGraph.Analytics.Bench;

switch (args.FirstOrDefault())
{
    case "gen" when args.Length == 5:
        Generator.WritePreferentialAttachment(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args[4]);
        return 0;
    case "run" when args.Length is 4 or 5:
        KernelRunner.Run(args[1], args[2], args[3].Split(','),
            args.Length == 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1);
        return 0;
    case "leiden-scale" when args.Length is >= 2 and <= 5:
        LeidenScale.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
            args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1,
            args.Length > 4 ? args[4] : null);
        return 0;
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(Generator).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: gen <nodes> <edgesPerNode> <seed> <out> | run <edges> <outDir> <algos> [repeats] | leiden-scale <papers> [refs] [seed] [edges-out] | bdn [args]");
        return 2;
}
