using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.Graph.Storage;
using CiteGraph.Host.Hosting;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests;

/// <summary>
/// A request whose work never yields (here a store call that blocks its thread) gets <c>TIMEOUT</c> at its deadline, the
/// server answers others meanwhile, and stopping the server does not wait for it.
/// </summary>
public sealed class RunawayRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Server : IAsyncDisposable
    {
        private readonly TempDirectory _dir = new();
        private readonly ManualResetEventSlim _release = new();

        public required IHost Host { get; init; }

        public required HttpClient Client { get; init; }

        public StallingStore Control { get; private set; } = null!;

        public static async Task<Server> StartAsync(string timeout)
        {
            var dir = new TempDirectory();
            var release = new ManualResetEventSlim();
            StallingStore? control = null;
            var host = CiteGraphWebHost.CreateBuilder(
                [
                    "--urls", "http://127.0.0.1:0", "--CiteGraph:Database=" + dir.File("runaway.db"), "--CiteGraph:Demo=true",
                    "--CiteGraph:GraphQL:Timeout=" + timeout, "--Serilog:MinimumLevel:Default=Warning",
                ])
                .ConfigureServices(services =>
                {
                    var original = services.Single(d => d.ServiceType == typeof(IGraphStore));
                    services.Replace(ServiceDescriptor.Singleton(sp =>
                    {
                        var inner = (IGraphStore)(original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance!);
                        (var store, control) = StallingStore.Wrap(inner, release);
                        return store;
                    }));
                })
                .Build();
            await host.StartAsync(Ct);
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var server = new Server(dir, release)
            {
                Host = host,
                Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) },
            };
            server.Control = control ?? (StallingStore)(object)host.Services.GetRequiredService<IGraphStore>();
            server.Control.Arm();
            return server;
        }

        private Server(TempDirectory dir, ManualResetEventSlim release)
        {
            _dir = dir;
            _release = release;
        }

        public async ValueTask DisposeAsync()
        {
            _release.Set();
            Client.Dispose();
            await Host.StopAsync(CancellationToken.None);
            Host.Dispose();
            _release.Dispose();
            _dir.Dispose();
        }
    }

    private static async Task<JsonElement> ReadAsync(Task<HttpResponseMessage> pending)
    {
        using var response = await pending;
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task A_request_stuck_in_work_that_ignores_its_token_answers_TIMEOUT_at_its_deadline()
    {
        await using var server = await Server.StartAsync("00:00:01");
        var clock = Stopwatch.StartNew();
        var stuck = server.Client.PostAsJsonAsync("/graphql", new { query = "{ stats { papers } }" }, Ct);
        await server.Control.Stalled.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Others are served while it is stuck.
        var other = await ReadAsync(server.Client.PostAsJsonAsync("/graphql", new { query = "{ papers(first: 2) { totalCount } }" }, Ct));
        Assert.True(other.GetProperty("data").GetProperty("papers").GetProperty("totalCount").GetInt32() > 0, other.ToString());

        var answer = await ReadAsync(stuck);
        Assert.Equal("TIMEOUT", answer.ErrorCode());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Stopping_the_server_does_not_wait_on_a_stuck_query()
    {
        await using var server = await Server.StartAsync("00:05:00");
        var stuck = server.Client.PostAsJsonAsync("/graphql", new { query = "{ stats { papers } }" }, Ct);
        await server.Control.Stalled.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var clock = Stopwatch.StartNew();
        await server.Host.StopAsync(Ct);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed.TotalSeconds:0.0} s");
        var answer = await ReadAsync(stuck);
        Assert.Equal("TIMEOUT", answer.ErrorCode());
        Assert.Contains("shutting down", answer.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
