using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CiteGraph.GraphQL.Mutations;

/// <summary>How long an <c>ingest</c> waits for its work before answering with a job to poll, and how many jobs are kept.</summary>
public sealed class IngestJobOptions
{
    /// <summary>Configuration section (shared with the host's ingest limits).</summary>
    public const string Section = "CiteGraph:Ingest";

    /// <summary>
    /// Seconds an <c>ingest</c> waits for its load, derive and snapshot rebuild before it answers with the running job
    /// instead. Default 10: well inside the 30 s request budget, so the answer is never a <c>TIMEOUT</c>.
    /// </summary>
    public double AnswerWithinSeconds { get; set; } = 10;

    /// <summary>
    /// Seconds an <c>ingest</c> whose papers and derived layer are committed still waits for the snapshot rebuild before
    /// it answers with the report while the rebuild finishes in the background (the answer then says which snapshot
    /// reads reflect). Default 2: a small store's rebuild fits and the answer is DONE with everything current; a large
    /// store's (seconds at 200K papers) no longer holds the answer back.
    /// </summary>
    public double SnapshotWaitSeconds { get; set; } = 2;

    /// <summary>Jobs kept in memory for <c>job(id)</c>; the oldest finished ones go first. Default 100.</summary>
    public int MaxJobs { get; set; } = 100;
}

/// <summary>The state of an ingest job.</summary>
public enum IngestJobState
{
    /// <summary>Waiting for the writer before it (one ingest writes at a time).</summary>
    Queued,

    /// <summary>Loading, deriving or rebuilding the snapshot (the report is there once the papers and derived layer are committed).</summary>
    Running,

    /// <summary>Finished: the papers, the derived layer and the snapshot are all current.</summary>
    Done,

    /// <summary>Stopped with an error; what was written is kept (an ingest again of the same content completes it).</summary>
    Failed,
}

/// <summary>One ingest: its id, state and, once finished, its report or error.</summary>
public sealed class IngestJob
{
    private readonly TaskCompletionSource<IngestOutcome> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<IngestOutcome> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IngestJobState _state = IngestJobState.Queued;

    internal IngestJob(string id) => Id = id;

    /// <summary>An unguessable id (it names content someone with the key sent).</summary>
    public string Id { get; }

    /// <summary>Where the job is.</summary>
    public IngestJobState State => _state;

    /// <summary>The report, once the papers and the derived layer are committed (before the snapshot is rebuilt).</summary>
    public IngestOutcome? Outcome { get; private set; }

    /// <summary>Why it failed, once <see cref="IngestJobState.Failed"/>.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Completes with the report when everything is done, snapshot included, or faults with the error.</summary>
    internal Task<IngestOutcome> Finished => _finished.Task;

    /// <summary>Completes with the report once the papers and the derived layer are committed, or faults with the error.</summary>
    internal Task<IngestOutcome> Committed => _committed.Task;

    internal void Run() => _state = IngestJobState.Running;

    internal void Commit(IngestOutcome outcome)
    {
        Outcome = outcome;
        _committed.TrySetResult(outcome);
    }

    internal void Complete(IngestOutcome outcome)
    {
        Commit(outcome);
        _state = IngestJobState.Done;
        _finished.TrySetResult(outcome);
    }

    internal void Fail(Exception error)
    {
        Error = error;
        _state = IngestJobState.Failed;
        _committed.TrySetException(error);
        _finished.TrySetException(error);
    }
}

/// <summary>
/// Runs ingests one at a time, each to its end whatever happens to the request that started it (issue 17, item 3): the
/// request waits up to <see cref="IngestJobOptions.AnswerWithinSeconds"/> and answers with the report when the work —
/// load, derive and snapshot rebuild — is done, so the derived layer and the snapshot are consistent with it; past that
/// it answers with the job, which goes on in the background and is polled with <c>job(id)</c>. Jobs live in memory,
/// at most <see cref="IngestJobOptions.MaxJobs"/> (a restart forgets them; an ingest is idempotent, so resending the
/// content of a lost job is safe).
/// </summary>
public sealed class IngestJobs(IngestJobOptions options)
{
    // Each job runs after the one started before it: arrival order, one writer at a time (a semaphore would let the
    // thread pool pick the order).
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;
    private readonly ConcurrentDictionary<string, IngestJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IngestJob> _order = new();

    /// <summary>The options in force.</summary>
    public IngestJobOptions Options { get; } = options;

    /// <summary>Starts <paramref name="work"/> after the ingests before it; never cancelled by the caller's request.</summary>
    public IngestJob Start(Func<CancellationToken, Task<IngestOutcome>> work) => Start(work, _ => Task.CompletedTask);

    /// <summary>
    /// Starts <paramref name="commit"/> (load and derive) and then <paramref name="afterCommit"/> (the snapshot rebuild)
    /// after the ingests before it; the report is available between the two. Never cancelled by the caller's request.
    /// </summary>
    public IngestJob Start(Func<CancellationToken, Task<IngestOutcome>> commit, Func<CancellationToken, Task> afterCommit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(afterCommit);
        var job = new IngestJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        _jobs[job.Id] = job;
        _order.Enqueue(job);
        Trim();
        lock (_gate)
        {
            // The previous job never faults (RunAsync catches), and its continuation runs on the pool, not in Start.
            _tail = _tail.ContinueWith(_ => RunAsync(job, commit, afterCommit), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }

        return job;
    }

    /// <summary>
    /// Completes when every job started so far has finished (or <paramref name="cancellationToken"/> gives up): the host
    /// waits on it when stopping, so a stop does not cut a running ingest in half.
    /// </summary>
    public Task DrainAsync(CancellationToken cancellationToken)
    {
        var unfinished = _jobs.Values.Where(j => j.State is IngestJobState.Queued or IngestJobState.Running)
            .Select(j => j.Finished.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        return Task.WhenAll(unfinished).WaitAsync(cancellationToken);
    }

    /// <summary>The job with <paramref name="id"/>, or null when unknown or forgotten.</summary>
    public IngestJob? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>
    /// Waits for <paramref name="job"/> up to the answer budget: true when its report is there (its error, if any, is
    /// thrown) — when it finished, or when its papers and derived layer are committed and the snapshot rebuild has taken
    /// <see cref="IngestJobOptions.SnapshotWaitSeconds"/> more without finishing — and false when it is still queued or
    /// loading.
    /// </summary>
    public async Task<bool> WaitAsync(IngestJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(Math.Max(0, Options.AnswerWithinSeconds));
        try
        {
            await job.Committed.WaitAsync(budget, cancellationToken).ConfigureAwait(false);
            var left = budget - clock.Elapsed;
            var grace = TimeSpan.FromSeconds(Math.Max(0, Options.SnapshotWaitSeconds));
            try
            {
                await job.Finished.WaitAsync(left < grace ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : grace, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Committed, the snapshot still being rebuilt: answer with the report; the answer says the snapshot is behind.
            }

            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!job.Committed.IsCompleted)
        {
            // The request is over (its budget or the server stopping); the job is not.
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private static async Task RunAsync(IngestJob job, Func<CancellationToken, Task<IngestOutcome>> commit, Func<CancellationToken, Task> afterCommit)
    {
        try
        {
            job.Run();
            // Not the request's token: a client that goes away must not leave the derived layer half written.
            var outcome = await commit(CancellationToken.None).ConfigureAwait(false);
            job.Commit(outcome);
            await afterCommit(CancellationToken.None).ConfigureAwait(false);
            job.Complete(outcome);
        }
        catch (Exception e)
        {
            job.Fail(e);
        }
    }

    /// <summary>Forgets the oldest finished jobs past the bound (running ones are never forgotten).</summary>
    private void Trim()
    {
        var passes = _order.Count;
        while (_jobs.Count > Math.Max(1, Options.MaxJobs) && passes-- > 0 && _order.TryDequeue(out var oldest))
        {
            if (oldest.State is IngestJobState.Done or IngestJobState.Failed)
            {
                _jobs.TryRemove(oldest.Id, out _);
            }
            else
            {
                _order.Enqueue(oldest);
            }
        }
    }
}
