using System.Diagnostics;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests.ClientTools;

/// <summary>
/// Runs the scripts of tools/clients with node. The packages are installed by .ci/run (<c>npm ci</c>, pinned by the
/// lock file); a test never installs anything or reaches the network, and skips with the reason when node or the
/// installed packages are missing.
/// </summary>
internal static class NodeTools
{
    public static string Folder { get; } = Path.Combine(SharedData.RepoRoot, "tools", "clients");

    /// <summary>The output of one script run.</summary>
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The last line of stdout: the scripts print their JSON summary there.</summary>
        public string LastLine => Stdout.TrimEnd().Split('\n')[^1];

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>Skips the calling test when node or the packages <paramref name="packages"/> are not installed.</summary>
    public static void RequireInstalled(params string[] packages)
    {
        if (FindNode() is null)
        {
            Assert.Skip("node is not on PATH (apt-get install nodejs npm; .ci/run does it); the client tools tests need it.");
        }

        foreach (var package in packages)
        {
            if (!File.Exists(Path.Combine(Folder, "node_modules", package, "package.json")))
            {
                Assert.Skip($"tools/clients/node_modules/{package} is not installed (run `npm ci` in tools/clients; .ci/run does it).");
            }
        }
    }

    /// <summary>Runs <c>node SCRIPT ARGS…</c> in tools/clients and waits for it (two minutes at most).</summary>
    public static async Task<Run> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo(FindNode()!)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Run(process.ExitCode, await stdout, await stderr);
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
}
