using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The ranked matches of single search phrases, kept in memory for as long as the full-text index does not change, so
/// that a search ranks by intersecting short sorted arrays instead of asking FTS5 to compute bm25 for every match.
/// </summary>
/// <remarks>
/// <para>
/// Why this is exact: FTS5's bm25 of a row for a query of phrases p₁…pₙ is <c>-Σᵢ IDF(pᵢ)·f(pᵢ, row)</c>, where each
/// term depends only on that phrase (its hit count over the index, the row's weighted frequency of it, the row's length
/// and the index's average length), summed in phrase order. bm25 of the single-phrase query pᵢ is exactly the i-th term,
/// so the sum of the single-phrase scores in phrase order is, bit for bit, the score FTS5 gives the whole query (checked
/// against the full ranking in tests on real corpora). A row matches the query (every word must match) exactly when it
/// is in every phrase's list.
/// </para>
/// <para>
/// Freshness: every list belongs to one version of the index, identified by FTS5's own structure and averages records
/// (<c>paper_fts_data</c> rows 10 and 1), which change with every transaction that writes to the index, whoever wrote it
/// (this process, a CLI load, another server). The version is read in the same read transaction as the lists, and a new
/// version drops every list.
/// </para>
/// <para>
/// Cost: a word's list is FTS5's bm25 over all of the word's matches, computed once per version of the index (~50 ms
/// of CPU for a word in 32,000 abstracts); a search needing a list not in memory yet is ranked by FTS5 as search always
/// was, while the list is built in the background, one list at a time.
/// </para>
/// <para>
/// Memory: bounded by <see cref="Capacity"/> postings (16 bytes each); past it the least recently used lists are dropped.
/// A common word of the 200K generated store has ~32,000 matches (0.5 MB).
/// </para>
/// </remarks>
internal sealed class SearchPostings : IAsyncDisposable
{
    /// <summary>Postings kept across all lists (4M = 64 MB) before the least recently used lists are dropped.</summary>
    public const long Capacity = 4_000_000;

    private const string VersionSql = "SELECT id, block FROM paper_fts_data WHERE id IN (1, 10) ORDER BY id;";

    // One phrase alone, in rowid order (FTS5's natural order: no sort), with the same column weights as every search.
    private const string PhraseSql = "SELECT rowid, bm25(paper_fts, 10.0, 1.0) FROM paper_fts WHERE paper_fts MATCH $q ORDER BY rowid;";

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Generation _current = new([]);
    private long _builds;

    /// <param name="open">Opens a read connection to the store, for the lists built in the background.</param>
    public SearchPostings(Func<CancellationToken, Task<SqliteConnection>> open) => _open = open;

    /// <summary>How many lists were computed from the index since the store opened; for tests.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>
    /// The list of each phrase, in the order given, for the index as <paramref name="transaction"/> sees it; null when
    /// some list is not in memory yet, in which case its build is started in the background (one list at a time, each
    /// once per version) and the caller ranks with FTS5 as before: a word's first search never waits for its list.
    /// </summary>
    public async Task<PhraseList[]?> TryListsAsync(SqliteTransaction transaction, IReadOnlyList<string> phrases, CancellationToken cancellationToken)
    {
        var generation = Current(await ReadVersionAsync(transaction, cancellationToken).ConfigureAwait(false));
        var lists = new PhraseList[phrases.Count];
        var complete = true;
        for (var i = 0; i < phrases.Count; i++)
        {
            var key = Key(phrases[i]);
            if (generation.Lists.TryGetValue(key, out var list))
            {
                list.LastUsed = Environment.TickCount64;
                lists[i] = list;
                continue;
            }

            complete = false;
            if (generation.Building.TryAdd(key, 0))
            {
                _ = Task.Run(() => BuildInBackgroundAsync(generation, key), CancellationToken.None);
            }
        }

        return complete ? lists : null;
    }

    /// <summary>Completes when no list build is running or waiting; for tests.</summary>
    public async Task IdleAsync(CancellationToken cancellationToken)
    {
        while (!Volatile.Read(ref _current).Building.IsEmpty)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    private Generation Current(byte[] version)
    {
        lock (_lock)
        {
            if (!_current.Version.AsSpan().SequenceEqual(version))
            {
                _current = new Generation(version);
            }

            return _current;
        }
    }

    private async Task BuildInBackgroundAsync(Generation generation, string key)
    {
        try
        {
            // One build at a time: a burst of new words must not take every core from the requests.
            var stop = _stop.Token;
            await _building.WaitAsync(stop).ConfigureAwait(false);
            try
            {
                stop.ThrowIfCancellationRequested();
                await using var connection = await _open(stop).ConfigureAwait(false);
                await using var transaction = connection.BeginTransaction(deferred: true);
                // Built only for the version it was asked for: a list of a newer index would be filed under an older one.
                var version = await ReadVersionAsync(transaction, stop).ConfigureAwait(false);
                if (ReferenceEquals(Volatile.Read(ref _current), generation) && version.AsSpan().SequenceEqual(generation.Version))
                {
                    generation.Add(key, await BuildAsync(transaction, key, stop).ConfigureAwait(false));
                    Interlocked.Increment(ref _builds);
                }
            }
            finally
            {
                _building.Release();
            }
        }
#pragma warning disable CA1031 // a failed build only means the next search of the word ranks with FTS5 and tries again
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            generation.Building.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Stops the builds: the running one is cancelled and waited for, so that its connection is closed before the store
    /// closes (SQLite keeps the other closed connections' file handles open while one holds a lock on the file); those
    /// waiting give up without opening one.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        // The running build holds the gate until its connection is disposed; once the gate is taken, none is running
        // and every later one sees the stop before it opens anything.
        await _building.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        _building.Release();
    }

    /// <summary>
    /// One list for the spellings FTS5 cannot tell apart: an ASCII phrase in lower case (unicode61 folds A–Z for certain;
    /// other scripts keep their spelling, whose folding is the tokenizer's business).
    /// </summary>
    private static string Key(string phrase) => Ascii.IsValid(phrase) ? phrase.ToLowerInvariant() : phrase;

    private static async Task<byte[]> ReadVersionAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(VersionSql);
        using var bytes = new MemoryStream();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            bytes.WriteByte((byte)reader.GetInt64(0));
            var block = (byte[])reader.GetValue(1);
            bytes.Write(BitConverter.GetBytes(block.Length));
            bytes.Write(block);
        }

        return bytes.ToArray();
    }

    private static async Task<PhraseList> BuildAsync(SqliteTransaction transaction, string phrase, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(PhraseSql);
        command.Parameters.AddWithValue("$q", phrase);
        var pks = new List<long>();
        var ranks = new List<double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pks.Add(reader.GetInt64(0));
            ranks.Add(reader.GetDouble(1));
        }

        return new PhraseList([.. pks], [.. ranks]);
    }

    /// <summary>The lists of one version of the index.</summary>
    private sealed class Generation(byte[] version)
    {
        private long _postings;

        public byte[] Version { get; } = version;

        public ConcurrentDictionary<string, PhraseList> Lists { get; } = new(StringComparer.Ordinal);

        /// <summary>Keys whose list is being built (or waits to be).</summary>
        public ConcurrentDictionary<string, byte> Building { get; } = new(StringComparer.Ordinal);

        public void Add(string phrase, PhraseList list)
        {
            if (!Lists.TryAdd(phrase, list))
            {
                return; // another request built it at the same time
            }

            if (Interlocked.Add(ref _postings, list.Count) <= Capacity)
            {
                return;
            }

            // Over the bound: drop the least recently used lists until half the bound is free (rare, so a sort is fine).
            lock (Lists)
            {
                foreach (var (key, old) in Lists.OrderBy(e => e.Value.LastUsed).ToList())
                {
                    if (Interlocked.Read(ref _postings) <= Capacity / 2)
                    {
                        break;
                    }

                    if (!ReferenceEquals(old, list) && Lists.TryRemove(key, out _))
                    {
                        Interlocked.Add(ref _postings, -old.Count);
                    }
                }
            }
        }
    }
}

/// <summary>
/// The rows matching one phrase in ascending rowid order, with each row's bm25 for that phrase alone (lower is better,
/// as FTS5 gives it).
/// </summary>
internal sealed class PhraseList(long[] pks, double[] ranks)
{
    public long[] Pks { get; } = pks;

    public double[] Ranks { get; } = ranks;

    public int Count => Pks.Length;

    /// <summary>When a search last used the list (Environment.TickCount64), for eviction.</summary>
    public long LastUsed { get; set; }
}
