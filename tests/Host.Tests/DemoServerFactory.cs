namespace CiteGraph.Host.Tests;

/// <summary>The real web host (Program.CreateHostBuilder) over a fresh SQLite file with the demo corpus loaded at start.</summary>
public sealed class DemoServerFactory : PreparedServerFactory
{
    public DemoServerFactory() => Set("CiteGraph:Demo", "true");
}
