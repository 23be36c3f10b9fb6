using CiteGraph.Tests;

namespace CiteGraph.Host.Tests.ClientTools;

/// <summary>
/// The real web host on Kestrel at a free loopback port serving the demo corpus with its default request limits, for
/// client tools running in another process (node).
/// </summary>
public sealed class LiveDemoServer : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private LoopbackWebHost? _host;

    /// <summary>The GraphQL endpoint, e.g. <c>http://127.0.0.1:41234/graphql</c>.</summary>
    public Uri GraphQL { get; private set; } = new("http://127.0.0.1/graphql");

    public async ValueTask InitializeAsync()
    {
        _host = await LoopbackWebHost.StartAsync(_dir.File("live.db"), "--CiteGraph:Demo=true");
        GraphQL = new Uri(_host.Address, "/graphql");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _dir.Dispose();
    }
}
