namespace CiteGraph.Host.Cli;

/// <summary>Where <c>serve</c> listens: <c>--urls</c> as given, or <c>--port N</c> as <c>http://localhost:N</c>, never both.</summary>
internal static class ServeAddresses
{
    public const string Default = "http://localhost:5000";

    /// <summary>Resolves the addresses; false with the reason when the options contradict or the port is out of range.</summary>
    public static bool TryResolve(string? urls, int? port, out string addresses, out string? error)
    {
        addresses = urls ?? Default;
        error = null;
        if (port is not { } n)
        {
            return true;
        }

        if (urls is not null)
        {
            error = $"--port {n} and --urls {urls} both say where to listen; give one (--urls takes several addresses, e.g. --urls 'http://localhost:{n};http://[::1]:{n}').";
            return false;
        }

        if (n is < 0 or > 65535)
        {
            error = $"--port {n} is not a TCP port (0-65535; 0 picks a free one). For other hosts or schemes use --urls, e.g. --urls http://0.0.0.0:5000.";
            return false;
        }

        addresses = $"http://localhost:{n}";
        return true;
    }
}
