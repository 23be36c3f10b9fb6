using System.CommandLine;
using CiteGraph.GraphQL;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph schema</c>: prints the GraphQL schema (SDL), the content of the checked-in <c>schema.graphql</c>.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the GraphQL schema in SDL.");
        command.SetAction(async (_, _) =>
        {
            // Printing never touches the store; the file is not opened.
            await using var store = CommonOptions.OpenStore(Path.Combine(Path.GetTempPath(), "citegraph-schema-unused.db"));
            Console.Out.Write(SchemaSdl.Print(store));
            return 0;
        });
        return command;
    }
}
