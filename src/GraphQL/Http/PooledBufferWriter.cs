using System.Buffers;

namespace CiteGraph.GraphQL.Http;

/// <summary>A growable byte buffer rented from the shared array pool and returned on dispose: one per answer written.</summary>
internal sealed class PooledBufferWriter(int initialCapacity = 4096) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _written;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        // Reserve first: it may swap the buffer, and `_buffer.AsMemory(Reserve(…))` would slice the old one.
        var start = Reserve(sizeHint);
        return _buffer.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsSpan(start);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (at least one); returns where they start.</summary>
    private int Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(1, sizeHint);
        if (needed > _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(_buffer.Length * 2)));
            _buffer.AsSpan(0, _written).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }

        return _written;
    }
}
