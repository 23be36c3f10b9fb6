using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>
/// A read-only pass-through that keeps its position where another thread (the progress display) can read it safely;
/// seekable when the inner stream is (gzip's trailer check seeks).
/// </summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyPassThroughStream(inner)
{
    private long _read;

    public override bool CanSeek => Inner.CanSeek;

    public override long Length => Inner.Length;

    /// <summary>Bytes read so far (the position in the inner stream).</summary>
    public override long Position
    {
        get => Interlocked.Read(ref _read);
        set
        {
            Inner.Position = value;
            Interlocked.Exchange(ref _read, value);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = Inner.Seek(offset, origin);
        Interlocked.Exchange(ref _read, position);
        return position;
    }

    protected override int OnRead(int read, int requested)
    {
        Interlocked.Add(ref _read, read);
        return read;
    }
}
