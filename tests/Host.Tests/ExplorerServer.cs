using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The real web host on Kestrel at a free loopback port (a browser needs a socket, which the in-memory test server
/// does not give), over the explorer corpus.
/// </summary>
public sealed class ExplorerServer : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private LoopbackWebHost? _host;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<string> Ids { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var db = _dir.File("explorer.db");
        Ids = await ExplorerCorpus.PrepareAsync(db);
        _host = await LoopbackWebHost.StartAsync(db);
        BaseAddress = _host.Address;
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
