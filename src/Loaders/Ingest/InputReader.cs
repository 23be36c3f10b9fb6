using System.Threading.Channels;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>
/// The reader stage of a load: detects each input's format and streams its entries into a channel, counting per input
/// what it read, and the bytes consumed for progress.
/// </summary>
/// <remarks>
/// Entries go out in chunks of <see cref="ChunkSize"/>, in order: one channel operation (and at most one wake-up of the
/// resolver) per chunk rather than per record, which a load of millions of records otherwise pays for in thread switches.
/// </remarks>
internal sealed class InputReader(ReadOptions readOptions)
{
    /// <summary>Entries handed over together.</summary>
    public const int ChunkSize = 256;

    private long _bytesBefore;
    private CountingStream? _current;
    private List<Entry> _chunk = new(ChunkSize);
    private ChannelWriter<List<Entry>>? _output;

    /// <summary>Bytes of all inputs consumed so far (read by the progress display from another thread).</summary>
    public long BytesRead => Volatile.Read(ref _bytesBefore) + (_current?.Position ?? 0);

    public async Task ReadAllAsync(IReadOnlyList<InputFile> inputs, ChannelWriter<List<Entry>> output, CancellationToken cancellationToken)
    {
        _output = output;
        try
        {
            foreach (var input in inputs)
            {
                await ReadOneAsync(input, cancellationToken).ConfigureAwait(false);
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
            output.Complete();
        }
        catch (Exception ex)
        {
            if (ex is not OperationCanceledException && _chunk.Count > 0)
            {
                // What was read before the failure reaches the resolver, as it did entry by entry.
                output.TryWrite(_chunk);
            }

            output.TryComplete(ex);
            throw;
        }
    }

    private ValueTask WriteAsync(Entry entry, CancellationToken cancellationToken)
    {
        _chunk.Add(entry);
        return _chunk.Count >= ChunkSize ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    private ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_chunk.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var full = _chunk;
        _chunk = new List<Entry>(ChunkSize);
        return _output!.WriteAsync(full, cancellationToken);
    }

    private async Task ReadOneAsync(InputFile input, CancellationToken cancellationToken)
    {
        int fileRead = 0, fileLoaded = 0, fileRejected = 0;
        string? format = null;
        IRecordReader? reader;
        string? problem;
        try
        {
            (reader, problem) = await FormatDetector.DetectAsync(input, readOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            (reader, problem) = (null, $"cannot read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            (reader, problem) = (null, $"cannot read: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            (reader, problem) = (null, $"cannot decompress: {ex.Message}");
        }

        if (reader is null)
        {
            await WriteAsync(new Entry(input.Name, null, new Rejection(input.Name, 1, problem!), null, Counted: false), cancellationToken).ConfigureAwait(false);
            await WriteAsync(new Entry(input.Name, null, null, new FileReport(input.Name, null, 0, 0, 1)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var counted = input with { Open = () => _current = new CountingStream(input.Open()) };
        await using (var results = reader.ReadAsync(counted, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            var lastLine = 1;
            while (true)
            {
                ReadResult result;
                try
                {
                    if (!await results.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    result = results.Current;
                    lastLine = result.Record?.Source.Line ?? result.Rejection?.Line ?? lastLine;
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    // A corrupt gzip stream or a file that vanished: what was read stays loaded, the rest of this input is reported.
                    fileRead++;
                    fileRejected++;
                    var stopped = new Rejection(input.Name, lastLine, $"reading stopped after the entry at this line: {ex.Message}");
                    await WriteAsync(new Entry(input.Name, null, stopped, null), cancellationToken).ConfigureAwait(false);
                    break;
                }

                fileRead++;
                if (result.Rejection is { } rejection)
                {
                    fileRejected++;
                    await WriteAsync(new Entry(input.Name, null, rejection, null), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    fileLoaded++;
                    format = result.Record!.Source.Format;
                    await WriteAsync(new Entry(input.Name, result.Record, null, null), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        Volatile.Write(ref _bytesBefore, _bytesBefore + (input.Length ?? _current?.Position ?? 0));
        _current = null;
        await WriteAsync(new Entry(input.Name, null, null, new FileReport(input.Name, format ?? reader.Format, fileRead, fileLoaded, fileRejected, reader.Note)), cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
