using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The explorer in a real browser: Microsoft.Playwright driving Debian's chromium (/usr/bin/chromium, installed by
/// .ci/run; skipped with the reason when it is absent). Screenshots are written under the test output folder.
/// </summary>
public sealed class ExplorerBrowserTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "explorer");

    [Fact]
    public async Task Search_open_a_paper_then_lineage_connect_and_communities_draw_what_the_API_returns()
    {
        HeadlessChromium.SkipUnlessInstalled();

        var focus = server.Ids[3];
        var other = server.Ids[4];
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var titles = await TitlesAsync(http);
        var neighbourhood = (await DataAsync(http, "query($s:[ID!]!){ subgraph(seeds:$s, radius:1, maxNodes:150){ nodes { id } } }", new { s = new[] { focus } }))
            .GetProperty("subgraph").GetProperty("nodes").GetArrayLength();
        var lineage = (await DataAsync(http, "query($id:ID!){ lineage(paperId:$id, direction:ANCESTORS, maxDepth:3, first:200){ nodes { depth } } }", new { id = focus }))
            .GetProperty("lineage").GetProperty("nodes").GetArrayLength();
        var paths = (await DataAsync(http, "query($a:ID!,$b:ID!){ connect(from:$a, to:$b, maxLength:6, first:3){ nodes { id } } }", new { a = focus, b = other }))
            .GetProperty("connect");
        var pathNodes = paths.EnumerateArray().SelectMany(p => p.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString())).Distinct().Count();
        Assert.True(neighbourhood > 1 && lineage > 1 && pathNodes > 2, "the corpus has something to draw");

        using var userData = new TempDirectory();
        using var playwright = await Playwright.CreateAsync();
        await using var context = await HeadlessChromium.LaunchAsync(playwright, userData.Path, 1280, 800);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        var external = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)) external.Add(r.Url); };
        Directory.CreateDirectory(ArtifactsDirectory);

        try
        {
            await WalkThroughAsync(page, titles, focus, other, neighbourhood, lineage, pathNodes);
        }
        catch (Exception e) when (e is not Xunit.Sdk.IAssertionException || problems.Count > 0)
        {
            await ShotAsync(page, "failure");
            throw new InvalidOperationException($"{e.Message}\nBrowser said:\n{string.Join('\n', problems)}\nScreenshot: {ArtifactsDirectory}", e);
        }

        Assert.True(problems.Count == 0, "the browser said:\n" + string.Join('\n', problems));
        Assert.Empty(external);
        TestContext.Current.TestOutputHelper?.WriteLine("Explorer screenshots: " + ArtifactsDirectory);
        Console.WriteLine("Explorer screenshots: " + ArtifactsDirectory);
    }

    private async Task WalkThroughAsync(IPage page, Dictionary<string, string> titles, string focus, string other, int neighbourhood, int lineage, int pathNodes)
    {
        // Search: typing shows suggestions; choosing one draws the paper's neighbourhood and opens its details.
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.Locator("#q").FillAsync(titles[focus].Split(' ')[0] + " " + titles[focus].Split(' ')[1]);
        var option = page.Locator("#q-suggestions [role=option]", new() { HasText = titles[focus] });
        await option.First.WaitForAsync();
        await option.First.ClickAsync();
        await WaitForStatusAsync(page, "neighbourhood of");
        Assert.Equal(neighbourhood, await NodeCountAsync(page));
        await Assertions.Expect(page.Locator("#details-title")).ToHaveTextAsync(titles[focus]);
        Assert.Contains("mode=neighbourhood", page.Url, StringComparison.Ordinal);
        Assert.Contains("paper=" + focus, page.Url, StringComparison.Ordinal);
        await ShotAsync(page, "1-neighbourhood");

        // Clicking a drawn node opens its details.
        await ClickNodeAsync(page, server.Ids[2]);
        await Assertions.Expect(page.Locator("#details-title")).ToHaveTextAsync(titles[server.Ids[2]]);

        // Lineage: the focus paper and its ancestors, by generation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lineage" }).ClickAsync();
        await WaitForStatusAsync(page, "ancestors of");
        Assert.Equal(lineage + 1, await NodeCountAsync(page));
        Assert.Contains("mode=lineage", page.Url, StringComparison.Ordinal);
        var lineageUrl = page.Url;
        await ShotAsync(page, "2-lineage");

        // Connect: choose the second paper; the paths between the two are drawn.
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await page.Locator("#q-to").FillAsync(titles[other].Split(' ')[0] + " " + titles[other].Split(' ')[1]);
        var toOption = page.Locator("#q-to-suggestions [role=option]", new() { HasText = titles[other] });
        await toOption.First.WaitForAsync();
        await toOption.First.ClickAsync();
        await WaitForStatusAsync(page, "path");
        Assert.Equal(pathNodes, await NodeCountAsync(page));
        Assert.Contains("to=" + other, page.Url, StringComparison.Ordinal);
        // The second paper's details show the evidence its inferred citation was matched on.
        await ClickNodeAsync(page, other);
        await Assertions.Expect(page.Locator("#details-title")).ToHaveTextAsync(titles[other]);
        await Assertions.Expect(page.Locator("#details .evidence")).ToContainTextAsync("sparse lattice attention (SLA)");
        await ShotAsync(page, "3-connect");

        // Communities.
        await page.GetByRole(AriaRole.Button, new() { Name = "Communities" }).ClickAsync();
        await WaitForStatusAsync(page, "communities");
        Assert.True(await page.EvaluateAsync<int>("() => window.citegraph.cy.nodes('[?communityNode]').length") > 0);
        await ShotAsync(page, "4-communities");

        // A shared URL restores the view.
        await page.GotoAsync(lineageUrl);
        await page.ReloadAsync();
        await WaitForStatusAsync(page, "ancestors of");
        Assert.Equal(lineage + 1, await NodeCountAsync(page));
    }

    private static async Task ClickNodeAsync(IPage page, string id)
    {
        var point = await page.EvaluateAsync<double[]>($"() => {{ const p = window.citegraph.cy.getElementById('{id}').renderedPosition(); return [p.x, p.y]; }}");
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + point[0]), (float)(box.Y + point[1]));
    }

    private static async Task WaitForStatusAsync(IPage page, string text) =>
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(text, new() { Timeout = 15_000 });

    private static Task<int> NodeCountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => window.citegraph.papers().length");

    private static async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.Current.AddAttachment(name, await File.ReadAllBytesAsync(path, Ct), "image/png");
    }

    private async Task<Dictionary<string, string>> TitlesAsync(HttpClient http)
    {
        var data = await DataAsync(http, "{ papers(first: 100) { items { id title } } }", null);
        return data.GetProperty("papers").GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("title").GetString()!);
    }

    private static Task<JsonElement> DataAsync(HttpClient http, string query, object? variables) =>
        HeadlessChromium.DataAsync(http, query, variables, Ct);
}
