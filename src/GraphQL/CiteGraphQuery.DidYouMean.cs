using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Suggestions;
using CiteGraph.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL;

/// <summary>
/// <c>didYouMean</c>: a separate query rather than a new shape for <c>search</c> and <c>topic</c>, so existing clients
/// (which read <c>search</c> as a list and <c>topic</c> as nullable) keep working; a client asks it when those find nothing.
/// </summary>
public sealed partial class CiteGraphQuery
{
    private void AddDidYouMeanFields(IGraphStore store, SnapshotHolder snapshots)
    {
        var suggester = new Suggester(store, snapshots);
        Field<NonNullGraphType<DidYouMeanType>>("didYouMean")
            .Description("What a search text or topic name that found nothing probably meant: spelling corrections from the corpus vocabulary and the nearest topic names.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 5; a.Description = "How many topics at most (1-500)."; })
            .ResolveAsync(async ctx => await suggester.SuggestAsync(Arguments.Text(ctx, "text"), Arguments.PageSize(ctx), ctx.CancellationToken));
    }
}
