using System.Diagnostics;

namespace CiteGraph.Host.Tests;

/// <summary>The built <c>citegraph</c> executable run as a separate process, as a user (or a second user) runs it.</summary>
internal static class CitegraphProcess
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, "citegraph.dll");

    /// <summary>Starts <c>citegraph ARGS</c>; the caller reads its output and waits for it.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No colours or progress bars in captured output; the server's own logs stay quiet.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs <c>citegraph ARGS</c> to the end: exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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

        return (process.ExitCode, await stdout, await stderr);
    }
}
