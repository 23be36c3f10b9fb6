using CiteGraph.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL;

public sealed partial class CiteGraphQuery
{
    /// <summary><c>job(id)</c>: an ingest that outlasted its answer budget, polled until DONE or FAILED.</summary>
    private void AddJobFields(IngestJobs jobs, ApiKeyOptions access)
    {
        Field<IngestJobType>("job")
            .Description("An ingest job by the id its ingest answered with; null when unknown (jobs are kept in memory, the latest ones). Needs X-Api-Key.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx =>
            {
                // Its report names content only the key holder could send.
                MutationAccess.Demand(ctx, access);
                return jobs.Find(ctx.GetArgument<string>("id"));
            });
    }
}
