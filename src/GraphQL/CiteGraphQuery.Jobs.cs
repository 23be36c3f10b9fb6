using CiteGraph.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL;

public sealed partial class CiteGraphQuery
{
    /// <summary><c>job(id)</c>: an ingest that outlasted its answer budget, polled until DONE or FAILED.</summary>
    private void AddJobFields(IngestJobs jobs)
    {
        Field<IngestJobType>("job")
            .Description("An ingest job by the id its ingest answered with; null when unknown (jobs are kept in memory, the latest ones).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            // The id is the capability: 96 random bits only the key holder who started the ingest was given.
            .Resolve(ctx => jobs.Find(ctx.GetArgument<string>("id")));
    }
}
