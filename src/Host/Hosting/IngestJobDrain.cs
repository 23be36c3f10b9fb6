using CiteGraph.GraphQL.Mutations;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// Lets ingest jobs still running when the host stops finish (within the host's shutdown timeout), as a mutation in
/// flight always could: their request may have answered with the job already, but its load, derive and snapshot
/// rebuild should not be cut in half. (A kill -9 can still cut them; an ingest of the same content again completes it.)
/// </summary>
internal sealed class IngestJobDrain(IngestJobs jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await jobs.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout passed: stop anyway.
        }
    }
}
