using CiteGraph.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The request log (one line per request) is in the pipeline only when its level is on: under a Warning minimum level
/// (how the load benchmarks and a busy production serve run) its middleware would collect a diagnostic context per request
/// for nothing (issue 17, paper(id) throughput).
/// </summary>
public sealed class RequestLogTests
{
    [Theory]
    [InlineData(LogEventLevel.Information, null, true)]
    [InlineData(LogEventLevel.Debug, null, true)]
    [InlineData(LogEventLevel.Warning, null, false)]
    [InlineData(LogEventLevel.Information, "Serilog.AspNetCore", false)]
    public void The_request_log_is_on_only_when_its_source_logs_information(LogEventLevel minimum, string? quietSource, bool expected)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Is(minimum);
        if (quietSource is not null)
        {
            configuration = configuration.MinimumLevel.Override(quietSource, LogEventLevel.Warning);
        }

        using var logger = configuration.CreateLogger();
        using var services = new ServiceCollection().AddSingleton<ILogger>(logger).BuildServiceProvider();

        Assert.Equal(expected, CiteGraphWebHost.RequestLogEnabled(services));
    }
}
