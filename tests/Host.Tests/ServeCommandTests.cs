using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary><c>citegraph serve</c>'s options as a user types them: where it listens and which store it opens.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ServeCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_refuses_a_db_file_that_does_not_exist_instead_of_serving_an_empty_store()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("nope.db");
        var (exit, stderr) = await MainAsync(["serve", "--db", missing]);
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.Contains("--create", stderr, StringComparison.Ordinal);
        Assert.Contains("citegraph load", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing), "nothing is created");
    }

    [Theory]
    [InlineData("--port", "5077", "--urls", "http://localhost:5078")]
    [InlineData("--port", "70000")]
    public async Task Serve_refuses_a_port_it_cannot_honour_and_points_to_urls(params string[] options)
    {
        using var dir = new TempDirectory();
        var (exit, stderr) = await MainAsync(["serve", "--db", dir.File("x.db"), "--create", .. options]);
        Assert.Equal(2, exit);
        Assert.Contains("--urls", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_listens_on_the_port_given_and_creates_the_store_when_asked()
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "citegraph.exe" : "citegraph");
        using var dir = new TempDirectory();
        var db = dir.File("new.db");
        var port = FreePort();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "serve", "--db", db, "--create", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--Serilog:MinimumLevel:Default=Warning" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var stats = await WaitForStatsAsync(http, process);
            Assert.True(stats is not null, $"no answer on port {port}\n{(process.HasExited ? await output + await errors : "")}");
            Assert.Equal(0, stats.Value.GetProperty("papers").GetInt32());
            Assert.True(File.Exists(db), "--create made the store");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Serve_answers_the_explorer_start_pages_overview_once_at_start_up_without_errors()
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "citegraph.exe" : "citegraph");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "serve", "--demo", "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        // The warm-up logs one line when the start page, its files and its own overview query (read from explorer-home.js)
        // have been answered through the server's socket.
        var warmed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            if (e.Data.Contains("Start page and its overview answered", StringComparison.Ordinal))
            {
                warmed.TrySetResult(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var done = await Task.WhenAny(warmed.Task, Task.Delay(TimeSpan.FromMinutes(3), Ct));
            Assert.True(done == warmed.Task, "no warm-up line in 3 minutes:\n" + string.Join('\n', lines));
            var line = await warmed.Task;
            Assert.Contains(", 0 not OK)", line, StringComparison.Ordinal);
            Assert.Contains("HTTP POST /graphql responded 200", string.Join('\n', lines), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task<JsonElement?> WaitForStatsAsync(HttpClient http, Process process)
    {
        for (var attempt = 0; attempt < 300 && !process.HasExited; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ stats { papers } }" }, Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("data").GetProperty("stats").Clone();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, Ct);
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Exit, string Stderr)> MainAsync(string[] args)
    {
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            return (await Program.Main(args), errors.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}
