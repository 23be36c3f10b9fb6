using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// Headers every response carries (issue 17, item 7): <c>X-Content-Type-Options: nosniff</c>, so a browser never runs
/// a JSON or text answer as script or style, and a <c>frame-ancestors 'none'</c> Content-Security-Policy (with
/// <c>X-Frame-Options: DENY</c> for older browsers), so no other site can frame the explorer or the query page to
/// click-jack a user holding the API key. A policy an endpoint sets itself (the /graphql page's) is kept and gains the
/// directive when it lacks one.
/// </summary>
internal static class SecurityHeaders
{
    public const string FrameAncestors = "frame-ancestors 'none'";

    public static IApplicationBuilder UseCiteGraphSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                var policy = headers.ContentSecurityPolicy.ToString();
                if (policy.Length == 0)
                {
                    headers.ContentSecurityPolicy = FrameAncestors;
                }
                else if (!policy.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = policy.TrimEnd().TrimEnd(';') + "; " + FrameAncestors;
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
