using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Batching;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Pagination;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A paper: one node per real paper, whatever number of sources describe it.</summary>
public sealed class PaperType : ObjectGraphType<Paper>
{
    private readonly IGraphStore _store;

    public PaperType(IGraphStore store, SnapshotHolder snapshots)
    {
        _store = store;
        Name = "Paper";
        Description = "A paper: one node per real paper, whatever number of sources describe it.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Paper;
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable CiteGraph id.");
        Field(p => p.Title).Description("Title, LaTeX undone.");
        Field(p => p.Abstract, nullable: true).Description("Abstract as the most complete source gives it.");
        Field(p => p.Year, nullable: true).Description("Publication year, when a source gives one (never guessed).");
        Field(p => p.Published, nullable: true)
            .Description("ISO 8601 date, possibly partial: '2021-12-07', or '--11-21' when the source printed no year.");
        Field(p => p.AuthorsCount, nullable: true).Description("Number of authors, when a listing gives it.");
        Field(p => p.Organization, nullable: true).Description("Submitting organization, when a listing gives it.");
        Field(p => p.Upvotes, nullable: true).Description("Hugging Face upvotes (the highest any source reports).");
        Field(p => p.PageRank, nullable: true).Description("PageRank (Neo4j GDS semantics) from the last analytics run.");
        Field(p => p.Betweenness, nullable: true).Description("Betweenness centrality from the last analytics run.");
        Field(p => p.CoreNumber, nullable: true).Description("k-core number from the last analytics run.");
        Field<CommunityType>("community")
            .Description("The community the last analytics run placed this paper in, at hierarchy level `level` (0 = coarsest, the fields; " +
                "higher levels split them into subfields); null where the run did not reach that level.")
            .Argument<IntGraphType>("level", a => a.DefaultValue = 0)
            .Resolve(ctx => ctx.GetArgument("level", 0) switch
            {
                0 => ctx.Source.Community is { } id ? Loaders(ctx).Communities.Load(id) : null,
                var level => Loaders(ctx).CommunityAt(level).Load(ctx.Source.Id),
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExternalIdType>>>>("externalIds")
            .Description("Identifiers sources gave the paper: arXiv id, DOI, OpenAlex id, …")
            .Resolve(ctx => Loaders(ctx).ExternalIds.Load(ctx.Source.Id).Then(Empty));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RepoType>>>>("repos")
            .Description("Code repositories the paper references.")
            .Resolve(ctx => Loaders(ctx).Repos.Load(ctx.Source.Id).Then(links => Empty(links).Select(l => l.Repo).Distinct().ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RepoLinkType>>>>("repoLinks")
            .Description("Each repository reference with the text it was found as (deep links and junk kept as evidence).")
            .Resolve(ctx => Loaders(ctx).Repos.Load(ctx.Source.Id).Then(Empty));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkType>>>>("links")
            .Description("Other URLs the paper names: project pages, model-hub artifacts, datasets.")
            .Resolve(ctx => Loaders(ctx).Links.Load(ctx.Source.Id).Then(Empty));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources")
            .Description("Provenance: every file and line this paper was read from.")
            .Resolve(ctx => Loaders(ctx).Sources.Load(ctx.Source.Id).Then(Empty));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldProvenanceType>>>>("provenance")
            .Description("Provenance per field: for each merged field some source gives, the source whose value won (recomputed from the sources).")
            .Resolve(ctx => Loaders(ctx).SourceRecords.Load(ctx.Source.Id).Then(records => Provenance(ctx.Source.Id, records)));
        Field<NonNullGraphType<IntGraphType>>("citationCount")
            .Description("Papers citing this one (explicit and inferred), from the graph snapshot.")
            .Resolve(ctx => snapshots.Current is var s && s.TryGetIndex(ctx.Source.Id, out var i) ? s.Citations.InDegree(i) : 0);
        Field<NonNullGraphType<IntGraphType>>("referenceCount")
            .Description("Papers this one cites (explicit and inferred), from the graph snapshot.")
            .Resolve(ctx => snapshots.Current is var s && s.TryGetIndex(ctx.Source.Id, out var i) ? s.Citations.OutDegree(i) : 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperTopicType>>>>("topics")
            .Description("Topics the paper carries (HAS_TOPIC), strongest first.")
            .Resolve(ctx => Loaders(ctx).Topics.Load(ctx.Source.Id).Then(Empty));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedPaperType>>>>("coTopic")
            .Description("Papers sharing the most idf-weighted topics with this one (CO_TOPIC, the top-k kept per paper), best first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Resolve(ctx => Loaders(ctx).CoTopic(Arguments.PageSize(ctx)).Load(ctx.Source.Id)
                .Then(related => Empty(related).Select(Views.RelatedViews.FromCoTopic).ToList()));
        Field<NonNullGraphType<CitationConnectionType>>("cites")
            .Description("Papers this paper cites, most confident first, explicit and inferred (with evidence).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<CitationKindType>("kind")
            .Argument<FloatGraphType>("minConfidence", a => a.DefaultValue = 0.0)
            .ResolveAsync(async ctx => await CitationConnections.ResolveAsync(store, ctx, CitationDirection.Cites));
        Field<NonNullGraphType<CitationConnectionType>>("citedBy")
            .Description("Papers that cite this paper, most confident first, explicit and inferred (with evidence).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<CitationKindType>("kind")
            .Argument<FloatGraphType>("minConfidence", a => a.DefaultValue = 0.0)
            .ResolveAsync(async ctx => await CitationConnections.ResolveAsync(store, ctx, CitationDirection.CitedBy));
    }

    private RequestLoaders Loaders(IResolveFieldContext context) => RequestLoaders.For(context, _store);

    private static IReadOnlyList<FieldProvenance> Provenance(string id, IReadOnlyList<PaperRecord>? records) =>
        records is null or { Count: 0 } ? [] : PaperMerge.Explain(id, records).Fields;

    private static IReadOnlyList<T> Empty<T>(IReadOnlyList<T>? list) => list ?? [];
}
