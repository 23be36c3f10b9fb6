using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Hosting;

/// <summary>Health endpoints, per-client rate limiting and opt-in CORS.</summary>
public static class OperationsExtensions
{
    private const string CorsPolicy = "citegraph";

    /// <summary>Registers health checks, the rate limiter and, when origins are configured, CORS.</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphOperations(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<SnapshotHealthCheck>("snapshot", tags: ["ready"]);
        // The limits come from HttpOptions (bound and validated with the other options), read when the pipeline is built.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HttpOptions>>((limiter, http) =>
        {
            var options = http.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "application/json; charset=utf-8";
                var message = $"Too many requests: at most {options.RateLimitPerMinute} per minute per client.";
                await context.HttpContext.Response.WriteAsync(
                    System.Text.Json.JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code = "RATE_LIMITED" } } } }),
                    cancellationToken);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                options.RateLimitPerMinute <= 0 || http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "local",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RateLimitPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpOptions>>((forwarded, http) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in http.Value.TrustedProxies)
            {
                if (System.Net.IPNetwork.TryParse(proxy, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
                else
                {
                    forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            }
        });
        // Registered always; the pipeline uses it only when origins are configured.
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<HttpOptions>>((cors, http) => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(http.Value.CorsOrigins).WithMethods("GET", "POST").WithHeaders("Content-Type", "X-Api-Key")));

        return services;
    }

    /// <summary>Adds forwarded headers (from trusted proxies), rate limiting and CORS to the pipeline (after routing).</summary>
    public static IApplicationBuilder UseCiteGraphOperations(this IApplicationBuilder app)
    {
        var http = app.ApplicationServices.GetRequiredService<IOptions<HttpOptions>>().Value;

        // First: the rate limiter partitions by the client's address, which a trusted proxy forwards.
        if (http.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (http.CorsOrigins.Length > 0)
        {
            app.UseCors(CorsPolicy);
        }

        // With the limit off (0) the middleware would still look a partition up for every request (4% of a paper(id)
        // profile at concurrency 8) only to find "no limit": leave it out of the pipeline instead.
        return http.RateLimitPerMinute > 0 ? app.UseRateLimiter() : app;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the store answers and the snapshot is built; the
    /// answer is JSON with each check's status and data (the snapshot's age and the store version it reflects).
    /// </summary>
    public static IEndpointRouteBuilder MapCiteGraphHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return endpoints;
    }
}
