using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// Serves the explorer (src/Host/wwwroot, embedded in the executable so it works from any working directory and
/// offline): <c>/</c> is its page, <c>/explorer/…</c> its script, style and Cytoscape.js.
/// </summary>
public static class ExplorerFiles
{
    /// <summary>The explorer's files, embedded at build time.</summary>
    public static IFileProvider Provider { get; } = new EmbeddedFileProvider(typeof(ExplorerFiles).Assembly, "CiteGraph.Host.wwwroot");

    private const string CytoscapeStyleHash = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

    public static IApplicationBuilder UseExplorer(this IApplicationBuilder app)
    {
        // Not async: every request (GraphQL's POSTs included) passes here, and a pass-through needs no state machine.
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/" && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Request.Path = "/index.html";
            }

            return next(context);
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Provider,
            OnPrepareResponse = ctx =>
            {
                // The page may only talk to this server: no external scripts, styles, images or connections. The hash
                // admits the one-rule stylesheet Cytoscape.js 3.34 injects for its container.
                ctx.Context.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; img-src 'self' data:; style-src 'self' " + CytoscapeStyleHash + "; script-src 'self'; " +
                    "connect-src 'self'; base-uri 'none'; form-action 'self'";
                ctx.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
    }
}
