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
            var location = Hosting.ShippedStores.Providers.ForFile(Path.Combine(Path.GetTempPath(), "citegraph-schema-unused.db"));
            await using var store = location.Open();
            // With the server's ingest mutation: the loaders' formats make its SourceFormat enum.
            Console.Out.Write(SchemaSdl.Print(store, new Hosting.LoaderIngestService(store, location, Microsoft.Extensions.Options.Options.Create(new Hosting.IngestLimitsOptions()))));
            return 0;
        });
        return command;
    }
}
