using CiteGraph.Host.Hosting;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The real web host on Kestrel at a free loopback port (a browser needs a socket, which the in-memory test server
/// does not give), over the explorer corpus.
/// </summary>
public sealed class ExplorerServer : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private IHost? _host;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<string> Ids { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var db = _dir.File("explorer.db");
        Ids = await ExplorerCorpus.PrepareAsync(db);
        _host = CiteGraphWebHost.CreateBuilder(["--urls", "http://127.0.0.1:0", "--CiteGraph:Database=" + db, "--Serilog:MinimumLevel:Default=Warning"]).Build();
        await _host.StartAsync(TestContext.Current.CancellationToken);
        var addresses = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _dir.Dispose();
    }
}
