using CiteGraph.Host.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The real web host on Kestrel at a free loopback port over one database (a browser or a Node client needs a socket,
/// which the in-memory test server does not give); stopped and disposed together.
/// </summary>
internal sealed class LoopbackWebHost : IAsyncDisposable
{
    private readonly IHost _host;

    private LoopbackWebHost(IHost host, Uri address) => (_host, Address) = (host, address);

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The host's services (its hosted services, options).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the host over <paramref name="database"/>, with further <c>--key=value</c> settings.</summary>
    public static async Task<LoopbackWebHost> StartAsync(string database, params string[] settings)
    {
        var host = CiteGraphWebHost.CreateBuilder(
            ["--urls", "http://127.0.0.1:0", "--CiteGraph:Database=" + database, "--Serilog:MinimumLevel:Default=Warning", .. settings]).Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new LoopbackWebHost(host, new Uri(addresses.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
