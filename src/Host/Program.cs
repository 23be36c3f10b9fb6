using CiteGraph.Host.Cli;
using CiteGraph.Host.Hosting;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host;

/// <summary>The <c>citegraph</c> executable: CLI commands, and the web host they (and tests) start.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static Task<int> Main(string[] args) => CommandFailure.InvokeAsync(CommandLine.Build().Parse(args));

    /// <summary>The web host: GraphQL at /graphql over the configured store. Also the entry point WebApplicationFactory uses.</summary>
    public static IHostBuilder CreateHostBuilder(string[] args) => CiteGraphWebHost.CreateBuilder(args);
}
