using System.CommandLine;

namespace CiteGraph.Host.Cli;

/// <summary>The <c>citegraph</c> command tree.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("CiteGraph: a citation and co-topic knowledge graph of papers, their code and their topics.");
        root.Options.Add(CommandFailure.CreateVerbose());
        root.Subcommands.Add(LoadCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ChangesCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(TopicsCommand.Create());
        root.Subcommands.Add(DeriveCommand.Create());
        root.Subcommands.Add(EvalLineageCommand.Create());
        root.Subcommands.Add(EvalSuggestCommand.Create());
        root.Subcommands.Add(SuggestCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        return root;
    }
}
