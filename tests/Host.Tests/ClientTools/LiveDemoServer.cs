using CiteGraph.Host.Hosting;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests.ClientTools;

/// <summary>
/// The real web host on Kestrel at a free loopback port serving the demo corpus with its default request limits, for
/// client tools running in another process (node).
/// </summary>
public sealed class LiveDemoServer : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private IHost? _host;

    /// <summary>The GraphQL endpoint, e.g. <c>http://127.0.0.1:41234/graphql</c>.</summary>
    public Uri GraphQL { get; private set; } = new("http://127.0.0.1/graphql");

    public async ValueTask InitializeAsync()
    {
        _host = CiteGraphWebHost.CreateBuilder(["--urls", "http://127.0.0.1:0", "--CiteGraph:Database=" + _dir.File("live.db"),
            "--CiteGraph:Demo=true", "--Serilog:MinimumLevel:Default=Warning"]).Build();
        await _host.StartAsync(TestContext.Current.CancellationToken);
        var addresses = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        GraphQL = new Uri(new Uri(addresses.First()), "/graphql");
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
