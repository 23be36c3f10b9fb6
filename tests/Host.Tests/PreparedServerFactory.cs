using CiteGraph.Host;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CiteGraph.Host.Tests;

/// <summary>The real web host over a SQLite file a fixture prepared before the host starts.</summary>
public class PreparedServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];

    public PreparedServerFactory()
    {
        _settings["CiteGraph:Database"] = Directory.File("served.db");
    }

    private protected TempDirectory Directory { get; } = new();

    public string DatabasePath => Directory.File("served.db");

    /// <summary>Adds a configuration value (call before the first client is created).</summary>
    public void Set(string key, string? value) => _settings[key] = value;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
