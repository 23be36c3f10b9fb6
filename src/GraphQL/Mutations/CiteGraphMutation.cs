using Microsoft.Extensions.Options;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Mutations;

/// <summary>Changes to the graph, behind the API key: load content, run analytics. Each rebuilds the traversal snapshot.</summary>
public sealed class CiteGraphMutation : ObjectGraphType
{
    /// <summary>
    /// Largest <c>content</c> an ingest accepts, in characters: 16 Mi, which fits the key holder's body limit
    /// (<see cref="GraphQLLimitsOptions.MaxIngestRequestBytes"/>) whatever the text; larger files go through <c>citegraph load</c>.
    /// </summary>
    public const int MaxContentLength = 16 * 1024 * 1024;

    public CiteGraphMutation(IGraphStore store, SnapshotHolder snapshots, IOptions<ApiKeyOptions> access, IngestJobs jobs, IIngestService? ingest = null)
    {
        Name = "Mutation";

        // A server without loaders offers no ingest (and no SourceFormat enum, which would have no values).
        if (ingest is not null)
        {
            Field<NonNullGraphType<IngestReportType>>("ingest")
                .Description("Loads papers from text in any supported format (detected when not given), derives their topics and lineage, rebuilds the snapshot and reports what happened. It answers once the papers and their topics and lineage are committed; when the snapshot rebuild (which traversals answer from) is still running then, the answer says so and the rebuild finishes in the background; past the answer budget it answers with the job to poll instead. Needs X-Api-Key.")
                .Argument<SourceFormatType>("format")
                .Argument<IdKindType>("idKind", "What an edge list's ids are. Default AUTO: arXiv ids or DOIs when every id of the first edges is one, plain node ids otherwise.")
                .Argument<NonNullGraphType<StringGraphType>>("content")
                .ResolveAsync(async ctx =>
                {
                    MutationAccess.Demand(ctx, access.Value);
                    var content = ctx.GetArgument<string>("content");
                    if (content.Length > MaxContentLength)
                    {
                        throw new InvalidArgumentError("content", $"at most {MaxContentLength:N0} characters; load larger files with 'citegraph load'.");
                    }

                    var format = ctx.GetArgument<string?>("format");
                    var idKind = ctx.GetArgument<string?>("idKind");
                    // The job writes, derives and rebuilds the snapshot to the end whatever happens to this request. The
                    // answer is the report once the papers and derived layer are committed (with everything consistent
                    // when the rebuild follows quickly, else saying which snapshot reads reflect), or the job when even the
                    // commit takes longer than the budget.
                    var job = jobs.Start(
                        token => ingest.IngestAsync(format, idKind, content, token),
                        async token => await snapshots.RebuildAsync(token));
                    return await jobs.WaitAsync(job, ctx.CancellationToken) ? new IngestResult(job.Outcome, job) : new IngestResult(null, job);
                });
        }

        Field<NonNullGraphType<AnalyticsReportType>>("runAnalytics")
            .Description("Computes centrality over the citation graph and communities (every hierarchy level) over the graph `analyze` " +
                "chooses, and writes them back. Needs X-Api-Key.")
            .Argument<ListGraphType<NonNullGraphType<AlgorithmType>>>("algorithms", "Default: PAGERANK, LEIDEN, WCC, KCORE.")
            .ResolveAsync(async ctx =>
            {
                MutationAccess.Demand(ctx, access.Value);
                var chosen = ctx.GetArgument<List<AnalyticsAlgorithm>?>("algorithms");
                var request = chosen is { Count: > 0 } ? new AnalyticsRequest { Algorithms = chosen.ToHashSet() } : new AnalyticsRequest();
                var report = await new AnalyticsRunner(store).RunAsync(request, cancellationToken: ctx.CancellationToken);
                await snapshots.RebuildAsync(ctx.CancellationToken);
                return report;
            });
    }
}
