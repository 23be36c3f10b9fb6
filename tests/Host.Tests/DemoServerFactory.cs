using CiteGraph.Host;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CiteGraph.Host.Tests;

/// <summary>The real web host (Program.CreateHostBuilder) over a fresh SQLite file with the demo corpus loaded at start.</summary>
public sealed class DemoServerFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _dir = new();

    public string DatabasePath => _dir.File("served.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CiteGraph:Database"] = DatabasePath,
            ["CiteGraph:Demo"] = "true",
        }));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
