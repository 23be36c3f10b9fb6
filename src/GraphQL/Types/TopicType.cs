using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Batching;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Pagination;
using CiteGraph.GraphQL.Views;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A canonical topic: an acronym and its expansion, or a key phrase, or a source keyword, with its aliases.</summary>
public sealed class TopicType : ObjectGraphType<Topic>
{
    public TopicType(IGraphStore store, SnapshotHolder snapshots)
    {
        Name = "Topic";
        Description = "A canonical topic with its aliases (acronym ↔ expansion, spelling variants, plurals) and document frequency.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable topic id.").Resolve(ctx => ctx.Source.Id);
        Field(t => t.Name).Description("Canonical name: an acronym's expansion, else the most frequent form.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names of the topic: acronyms, spelling variants, plurals.")
            .Resolve(ctx => ctx.Source.Aliases);
        Field(t => t.Df).Description("Number of papers carrying the topic.");
        Field(t => t.Idf).Description("Inverse document frequency, ln(1 + papers / df).");
        Field<NonNullGraphType<PaperConnectionType>>("papers")
            .Description("Papers carrying the topic, strongest weight first, as a Relay connection.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var first = Arguments.PageSize(ctx);
                var after = (int)(Cursor.Decode(ctx.GetArgument<string?>("after")) ?? 0);
                var page = await store.GetPapersOfTopicAsync(ctx.Source.Name, first, after, ctx.CancellationToken);
                return Connections.Of(page, after);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("broader")
            .Description("Topics this one is a kind of: the longest runs of its words that are topics (\"latent diffusion models\" → \"diffusion models\", \"latent diffusion\"), most papers first.")
            .Resolve(ctx => RequestLoaders.For(ctx, store).BroaderTopics.Load(ctx.Source.Name).Then(t => t ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("narrower")
            .Description("Kinds of this topic: topics whose words contain its own as their longest topic run (\"diffusion\" → \"diffusion models\", \"latent diffusion\"), most papers first.")
            .Resolve(ctx => RequestLoaders.For(ctx, store).NarrowerTopics.Load(ctx.Source.Name).Then(t => t ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicYearType>>>>("byYear")
            .Description("Papers carrying the topic per publication year, oldest first (years without any left out; undated papers not counted).")
            .Resolve(ctx => ctx.Source.ByYear);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BurstType>>>>("bursts")
            .Description("Years in which the topic burst (Kleinberg's two-state automaton over its papers per year among all dated papers), oldest first.")
            .Resolve(ctx => TopicBursts.Of(ctx.Source.ByYear, SnapshotYears.Of(snapshots.Current).Totals));
        Field<FloatGraphType>("growth")
            .Description(
                "How fast the topic rises: log2 of its share of the latest year's papers over its share of the earlier years' papers (add-one smoothed); " +
                "null with fewer than 5 papers in the latest year or a corpus of one year. 1 means twice as common as before.")
            .Resolve(ctx => ctx.Source.Growth);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedTopicType>>>>("related")
            .Description("Topics that co-occur with this one (CO_OCCURS), by pointwise mutual information.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async ctx => await store.GetRelatedTopicsAsync(ctx.Source.Name, Arguments.PageSize(ctx), ctx.CancellationToken));
    }
}
