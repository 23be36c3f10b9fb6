using System.ComponentModel.DataAnnotations;

namespace CiteGraph.Host.Hosting;

/// <summary>HTTP protections of the service, section <c>CiteGraph:Http</c>.</summary>
public sealed class HttpOptions : IValidatableObject
{
    public const string Section = "CiteGraph:Http";

    /// <summary>Requests one client (remote address) may make per minute; 0 turns the limit off. Default 1,200.</summary>
    [Range(0, int.MaxValue)]
    public int RateLimitPerMinute { get; set; } = 1200;

    /// <summary>Origins allowed to call the API from browsers (CORS); empty, the default, allows none.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// Proxies (an address, or a network as <c>address/prefix</c>) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> name the client: behind a proxy every request comes from the proxy, so the rate limit
    /// (per client address) would otherwise put all clients in one bucket. Empty, the default, trusts none.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in TrustedProxies)
        {
            if (!System.Net.IPNetwork.TryParse(proxy, out _) && !System.Net.IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult(
                    $"'{proxy}' is neither an IP address nor a network (address/prefix).", [nameof(TrustedProxies)]);
            }
        }
    }
}
