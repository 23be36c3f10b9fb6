using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.Host.Hosting;
using CiteGraph.Loaders.Generation;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests;

/// <summary>Stopping the service lets a request in flight finish, and nothing it wrote is lost.</summary>
public sealed class GracefulShutdownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_drains_an_ingest_in_flight_and_keeps_what_it_wrote()
    {
        using var dir = new TempDirectory();
        var db = dir.File("drain.db");
        // A key of its own: it tells this test's request from those of tests running beside it.
        var key = "drain-" + Guid.NewGuid().ToString("N");
        using var host = CiteGraphWebHost.CreateBuilder(
        [
            "--urls", "http://127.0.0.1:0", "--CiteGraph:Database=" + db, "--CiteGraph:ApiKey=" + key, "--CiteGraph:Ingest:AnswerWithinSeconds=25",
            "--CiteGraph:Ingest:SnapshotWaitSeconds=25",
            "--Serilog:MinimumLevel:Default=Warning",
        ]).Build();
        await host.StartAsync(Ct);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };

        // Big enough to take a while (load, derive pass, snapshot rebuild), small enough for the 1 MiB body limit.
        const int papers = 600;
        var corpus = string.Join('\n', SyntheticCorpus.Lines(new GeneratorOptions { Papers = papers, RefsPerPaper = 3, Seed = 5 }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "mutation($c: String!) { ingest(format: OPENALEX, content: $c) { loaded papersInStore } }", variables = new { c = corpus } }),
        };
        request.Headers.Add("X-Api-Key", key);
        using var dispatched = RequestDispatched(key);
        var clock = Stopwatch.StartNew();
        var inFlight = client.SendAsync(request, Ct);
        // Stop once the server is handling the request: a connection whose request has not reached the pipeline yet is
        // closed by a stopping server (correctly), which a fixed delay could not rule out on a busy machine.
        await dispatched.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(inFlight.IsCompleted, $"the ingest finished within {clock.ElapsedMilliseconds} ms, before the stop could overlap it");

        await host.StopAsync(Ct);
        using var response = await inFlight;
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal(papers, body.GetProperty("data").GetProperty("ingest").GetProperty("loaded").GetInt32());

        await using var store = new Graph.Sqlite.SqliteGraphStore(new Graph.Sqlite.SqliteStoreOptions { Path = db });
        Assert.Equal(papers, (await store.GetStatsAsync(Ct)).Papers);
    }

    /// <summary>Completes when ASP.NET Core starts handling a request carrying <paramref name="key"/> in X-Api-Key.</summary>
    private static RequestWatch RequestDispatched(string key) => new(key);

    private sealed class RequestWatch : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _key;
        private readonly TaskCompletionSource _dispatched = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<IDisposable> _subscriptions = [];

        public RequestWatch(string key)
        {
            _key = key;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public Task Task => _dispatched.Task;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.AspNetCore")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.AspNetCore.Hosting.BeginRequest" &&
                value.Value?.GetType().GetProperty("httpContext")?.GetValue(value.Value) is Microsoft.AspNetCore.Http.HttpContext context &&
                context.Request.Headers["X-Api-Key"] == _key)
            {
                _dispatched.TrySetResult();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
