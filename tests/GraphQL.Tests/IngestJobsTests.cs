using CiteGraph.GraphQL.Mutations;

namespace CiteGraph.GraphQL.Tests;

/// <summary>The ingest job runner: one writer at a time, work outliving its request, a bounded memory of jobs.</summary>
public sealed class IngestJobsTests
{
    private static IngestOutcome Outcome(int loaded) => new(loaded, loaded, loaded, 0, 0, [], loaded);

    [Fact]
    public async Task Ingests_write_one_at_a_time_in_the_order_they_came()
    {
        var jobs = new IngestJobs(new IngestJobOptions { AnswerWithinSeconds = 30 });
        var running = 0;
        var most = 0;
        var order = new List<int>();
        var started = Enumerable.Range(1, 4).Select(n => jobs.Start(async _ =>
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await Task.Delay(30);
            lock (order)
            {
                order.Add(n);
            }

            Interlocked.Decrement(ref running);
            return Outcome(n);
        })).ToList();

        foreach (var job in started)
        {
            Assert.True(await jobs.WaitAsync(job, TestContext.Current.CancellationToken));
            Assert.Equal(IngestJobState.Done, job.State);
        }

        Assert.Equal(1, most);
        Assert.Equal(4, order.Count);
        Assert.Equal(started.Select(j => j.Outcome!.Loaded), order.Order());
    }

    [Fact]
    public async Task Work_past_the_budget_is_answered_as_running_and_is_not_cancelled_with_its_request()
    {
        var jobs = new IngestJobs(new IngestJobOptions { AnswerWithinSeconds = 0.05 });
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = jobs.Start(async token =>
        {
            entered.SetResult(token);
            await release.Task;
            return Outcome(7);
        });

        using var request = new CancellationTokenSource();
        Assert.False(await jobs.WaitAsync(job, request.Token));
        request.Cancel();
        Assert.False(await jobs.WaitAsync(job, request.Token));
        // The work got a token no request can cancel.
        Assert.False((await entered.Task).CanBeCanceled);
        Assert.Equal(IngestJobState.Running, job.State);

        release.SetResult();
        Assert.True(await new IngestJobs(new IngestJobOptions { AnswerWithinSeconds = 30 }).WaitAsync(job, TestContext.Current.CancellationToken));
        Assert.Equal(7, jobs.Find(job.Id)!.Outcome!.Loaded);
    }

    [Fact]
    public async Task A_committed_ingest_answers_with_its_report_while_a_slow_snapshot_rebuild_goes_on_and_done_when_it_is_quick()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = new IngestJobs(new IngestJobOptions { AnswerWithinSeconds = 30, SnapshotWaitSeconds = 0.2 });
        var rebuild = new TaskCompletionSource();
        var slow = jobs.Start(_ => Task.FromResult(Outcome(3)), async _ => await rebuild.Task);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(await jobs.WaitAsync(slow, ct));
        // Answered after the grace, not the 30 s budget: the report is there, the job still runs (snapshot behind).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");
        Assert.Equal(3, slow.Outcome!.Loaded);
        Assert.Equal(IngestJobState.Running, slow.State);

        // The next ingest waits for the rebuild (one writer at a time), and a quick rebuild is waited for: DONE.
        var quick = jobs.Start(_ => Task.FromResult(Outcome(4)), _ => Task.Delay(10, CancellationToken.None));
        rebuild.SetResult();
        Assert.True(await jobs.WaitAsync(quick, ct));
        Assert.Equal(IngestJobState.Done, quick.State);
        Assert.Equal(IngestJobState.Done, slow.State);
    }

    [Fact]
    public async Task A_failing_ingest_throws_its_error_to_the_waiting_request_and_is_kept_as_failed()
    {
        var jobs = new IngestJobs(new IngestJobOptions { AnswerWithinSeconds = 30 });
        var job = jobs.Start(_ => throw new InvalidOperationException("disk full"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => jobs.WaitAsync(job, TestContext.Current.CancellationToken));
        Assert.Equal("disk full", error.Message);
        Assert.Equal(IngestJobState.Failed, jobs.Find(job.Id)!.State);
    }

    [Fact]
    public async Task Only_the_latest_jobs_are_kept_and_a_running_one_is_never_forgotten()
    {
        var jobs = new IngestJobs(new IngestJobOptions { AnswerWithinSeconds = 30, MaxJobs = 3 });
        var release = new TaskCompletionSource();
        var first = jobs.Start(async _ =>
        {
            await release.Task;
            return Outcome(0);
        });
        var later = new List<IngestJob>();
        for (var i = 1; i <= 5; i++)
        {
            var n = i;
            later.Add(jobs.Start(_ => Task.FromResult(Outcome(n))));
        }

        release.SetResult();
        foreach (var job in later)
        {
            await jobs.WaitAsync(job, TestContext.Current.CancellationToken);
        }

        // One more start trims: the first (finished now) and the oldest finished go, the newest stay.
        var last = jobs.Start(_ => Task.FromResult(Outcome(6)));
        await jobs.WaitAsync(last, TestContext.Current.CancellationToken);
        Assert.NotNull(jobs.Find(last.Id));
        Assert.NotNull(jobs.Find(later[^1].Id));
        Assert.Null(jobs.Find(first.Id));
        Assert.Null(jobs.Find(later[0].Id));
    }
}
