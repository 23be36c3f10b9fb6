using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.Host.Hosting;

/// <summary>Health endpoints, per-client rate limiting and opt-in CORS.</summary>
public static class OperationsExtensions
{
    private const string CorsPolicy = "citegraph";

    /// <summary>Registers health checks, the rate limiter and, when origins are configured, CORS.</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphOperations(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        services.AddSingleton(options);
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<SnapshotHealthCheck>("snapshot", tags: ["ready"]);
        services.AddRateLimiter(limiter =>
        {
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
        if (options.CorsOrigins.Length > 0)
        {
            services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(options.CorsOrigins).WithMethods("GET", "POST").WithHeaders("Content-Type", "X-Api-Key")));
        }

        return services;
    }

    /// <summary>Adds rate limiting and CORS to the pipeline (after routing).</summary>
    public static IApplicationBuilder UseCiteGraphOperations(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<HttpOptions>().CorsOrigins.Length > 0)
        {
            app.UseCors(CorsPolicy);
        }

        return app.UseRateLimiter();
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
