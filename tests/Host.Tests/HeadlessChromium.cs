using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CiteGraph.Host.Tests;

/// <summary>What the browser tests share: Debian's chromium driven headless by Playwright, and the API answers they compare the page with.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Skips the test, with the reason, when chromium is not installed.</summary>
    public static void SkipUnlessInstalled()
    {
        if (!File.Exists(Executable))
        {
            Assert.Skip($"{Executable} is not installed (apt-get install chromium; .ci/run does it); the browser test needs it.");
        }
    }

    /// <summary>A fresh headless browser with its own profile in <paramref name="userData"/>, offline apart from the page's server.</summary>
    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string userData, int width, int height) =>
        playwright.Chromium.LaunchPersistentContextAsync(userData, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

    /// <summary>The <c>data</c> of a GraphQL answer from the API itself, failing the test on errors.</summary>
    public static async Task<JsonElement> DataAsync(HttpClient http, string query, object? variables, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables }, cancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data");
    }
}
