using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Cli;

/// <summary><c>citegraph serve [--db PATH [--create] | --store URI] [--demo] [--urls URLS | --port N]</c>: the GraphQL service.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db")
        {
            Description = "Path of the embedded store's file (default citegraph.db; with --demo, a fresh temporary file).",
            HelpName = "PATH",
        };
        var demo = new Option<bool>("--demo") { Description = "Load the shipped demo corpus before serving." };
        var create = new Option<bool>("--create") { Description = "Start with an empty store when the --db file does not exist yet." };
        var urls = new Option<string?>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated (default http://localhost:5000).",
            HelpName = "URLS",
        };
        var port = new Option<int?>("--port") { Description = "Listen on http://localhost:N (shorthand for --urls).", HelpName = "N" };
        var store = StoreSelection.Option();
        var command = new Command("serve", "Serve the GraphQL API at /graphql. Further --Section:Key=value settings go to the host's configuration.")
        {
            db, create, store, demo, urls, port,
        };
        // Settings such as --CiteGraph:Http:RateLimitPerMinute=0 or --Serilog:MinimumLevel:Default=Warning pass through.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var isDemo = result.GetValue(demo);
            var scratch = Path.Combine(Path.GetTempPath(), $"citegraph-demo-{Guid.NewGuid():N}.db");
            if (!StoreSelection.TryResolve(result.GetValue(store), result.GetValue(db), isDemo ? scratch : CommonOptions.DefaultDatabase,
                Environment.GetEnvironmentVariable, out var location, out var error))
            {
                return await StoreSelection.FailAsync(error);
            }

            if (!ServeAddresses.TryResolve(result.GetValue(urls), result.GetValue(port), out var listen, out var addressError))
            {
                return await StoreSelection.FailAsync(addressError);
            }

            // Serving a mistyped path would silently create an empty store and answer 0 papers.
            if (!isDemo && !result.GetValue(create) && CommonOptions.IsMissing(location!))
            {
                return await StoreSelection.FailAsync(
                    $"{location!.FilePath} does not exist. Load papers into it first (citegraph load FILES --db {location.FilePath}), " +
                    "pass --create to serve a new empty store, or --demo for the demo corpus.");
            }

            var temporary = location!.FilePath == scratch;
            string[] hostArgs =
            [
                $"--CiteGraph:Store={location.ToUri()}",
                $"--CiteGraph:Demo={isDemo}",
                "--CiteGraph:WarmUpStartPage=true",
                $"--urls={listen}",
                .. result.UnmatchedTokens,
            ];
            using (var host = Program.CreateHostBuilder(hostArgs).Build())
            {
                await host.RunAsync(ct);
            }

            if (temporary)
            {
                // The demo database is a scratch file of this run: leave nothing behind in the temp folder.
                location.Provider.Delete(location);
            }

            return 0;
        });
        return command;
    }
}
