using CiteGraph.Host.Hosting;
using CiteGraph.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests;

/// <summary>The start-up warm-up goes through the real socket, as the first visitor's browser will (issue 20).</summary>
public sealed class StartPageWarmupTests
{
    [Fact]
    public async Task A_served_store_warms_the_start_page_its_linked_files_and_the_overview_over_http()
    {
        using var dir = new TempDirectory();
        await using var host = await LoopbackWebHost.StartAsync(dir.File("warm.db"), "--CiteGraph:WarmUpStartPage=true");

        var warmup = host.Services.GetServices<IHostedService>().OfType<StartPageWarmup>().Single();
        var warmed = await warmup.Warmed.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        var index = await File.ReadAllTextAsync(Path.Combine(SharedData.RepoRoot, "src", "Host", "wwwroot", "index.html"), TestContext.Current.CancellationToken);
        var linked = StartPageWarmup.LinkedAssets(index).ToList();
        Assert.Contains("/lib/cytoscape.min.js", linked);
        Assert.Contains("/explorer-home.js", linked);
        Assert.Equal(["GET /", .. linked.Select(a => "GET " + a), "POST /graphql"], warmed.Select(w => w.Request));
        Assert.All(warmed, w => Assert.Equal(200, w.Status));
    }

    [Fact]
    public async Task The_warm_up_is_off_unless_asked_for()
    {
        using var dir = new TempDirectory();
        await using var host = await LoopbackWebHost.StartAsync(dir.File("cold.db"));

        var warmup = host.Services.GetServices<IHostedService>().OfType<StartPageWarmup>().Single();
        Assert.Empty(await warmup.Warmed.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
    }
}
