using System.Diagnostics;
using System.Net.Http.Json;

namespace CiteGraph.Bench.Api;

/// <summary>A bounded closed-loop load generator: a fixed number of workers each sending one request at a time.</summary>
internal static class LoadGenerator
{
    public sealed record Result(string Name, int Requests, int Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs)
    {
        public double RequestsPerSecond => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(HttpClient client, string name, Func<int, object> request, int concurrency, TimeSpan duration, int warmup = 200)
    {
        for (var i = 0; i < warmup; i++)
        {
            using var _ = await client.PostAsJsonAsync("/graphql", request(i));
        }

        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var counter = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref counter);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/graphql", request(n));
                var body = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Result(name, all.Length, errors, seconds, Percentile(0.50), Percentile(0.99), all.Length == 0 ? double.NaN : all[^1]);
    }
}
