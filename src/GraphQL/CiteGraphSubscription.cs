using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.GraphQL.Versions;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CiteGraph.GraphQL;

/// <summary>The root subscription, served as GraphQL over Server-Sent Events (<see cref="Http.GraphQLSse"/>).</summary>
public sealed class CiteGraphSubscription : ObjectGraphType
{
    public CiteGraphSubscription(IGraphStore store, ChangeFeed feed)
    {
        Name = "Subscription";
        Field<NonNullGraphType<ChangeInterface>>("changes")
            .Description("The change feed after a version, live: past events first, then each new one within a fraction of a second of its commit. Over SSE (Accept: text/event-stream).")
            .Argument<NonNullGraphType<IdGraphType>>("since")
            .ResolveStreamAsync(async ctx =>
            {
                var since = await VersionIds.RequireAsync(store, "since", ctx.GetArgument<string>("since"), ctx.CancellationToken);
                var services = ctx.RequestServices!;
                var limits = services.GetRequiredService<IOptions<GraphQLLimitsOptions>>().Value;
                var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
                return new ChangePolling(feed, since, limits.SubscriptionPollInterval, stopping);
            })
            .Resolve(ctx => (ChangeEvent)ctx.Source!);
    }
}
