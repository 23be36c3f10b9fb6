using System.ComponentModel.DataAnnotations;

namespace CiteGraph.Host.Hosting;

/// <summary>HTTP protections of the service, section <c>CiteGraph:Http</c>.</summary>
public sealed class HttpOptions
{
    public const string Section = "CiteGraph:Http";

    /// <summary>Requests one client (remote address) may make per minute; 0 turns the limit off. Default 1,200.</summary>
    [Range(0, int.MaxValue)]
    public int RateLimitPerMinute { get; set; } = 1200;

    /// <summary>Origins allowed to call the API from browsers (CORS); empty, the default, allows none.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
