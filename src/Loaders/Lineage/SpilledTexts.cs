using System.Text;
using Microsoft.Win32.SafeHandles;

namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// The cleaned texts of a derive pass's papers, written once to a temporary file (UTF-8) and read back by position
/// when a lineage rule asks (<see cref="LineagePaper.Text"/>). Lineage reads every text a few times, one paper after
/// another, and a few more for the pairs it proposes; holding them all in memory made the full pass grow by a kilobyte
/// or two per paper (10 GB and more at ten million papers). On disk they cost what the page cache can spare: reads are
/// plain positional reads (no memory map, so they do not count towards the process's resident memory). The file is
/// deleted when this is disposed or the process ends, however it ends (on Unix it has no name from the start).
/// Appending is single-threaded; reading is thread-safe.
/// </summary>
public sealed class SpilledTexts : IDisposable
{
    private const int WriteBuffer = 1 << 20;
    private readonly string _path;
    private readonly SafeFileHandle _handle;
    private readonly List<long> _offsets = [0];
    private readonly byte[] _pending = new byte[WriteBuffer];
    private int _pendingLength;
    private long _written;

    [ThreadStatic]
    private static (SpilledTexts? Owner, int Index, string? Text) _last;

    /// <summary>Creates the file in <paramref name="directory"/> (default: the system's temporary folder).</summary>
    public SpilledTexts(string? directory = null)
    {
        var folder = directory ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, $"citegraph-texts-{Guid.NewGuid():N}.tmp");
        _handle = File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // Unlinked at once, the file lives as long as the handle: a derive killed mid-pass (a deploy, the OOM killer,
            // Ctrl-C twice) leaves no gigabytes behind in the temporary folder. Windows deletes on close even on a crash.
            File.Delete(_path);
        }
    }

    /// <summary>Texts appended.</summary>
    public int Count => _offsets.Count - 1;

    /// <summary>Bytes written to the file.</summary>
    public long Bytes => _written + _pendingLength;

    /// <summary>Appends a text; returns its index for <see cref="Read"/>.</summary>
    public int Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        lock (_pending)
        {
            return AppendLocked(text);
        }
    }

    private int AppendLocked(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (_pendingLength + length > _pending.Length)
        {
            Flush();
        }

        if (length > _pending.Length)
        {
            RandomAccess.Write(_handle, Encoding.UTF8.GetBytes(text), _written);
            _written += length;
        }
        else
        {
            _pendingLength += Encoding.UTF8.GetBytes(text, _pending.AsSpan(_pendingLength));
        }

        _offsets.Add(_offsets[^1] + length);
        return _offsets.Count - 2;
    }

    /// <summary>The text appended as <paramref name="index"/>.</summary>
    public string Read(int index)
    {
        // Rules read one paper's text several times in a row: the last text read on this thread is kept.
        var last = _last;
        if (ReferenceEquals(last.Owner, this) && last.Index == index)
        {
            return last.Text!;
        }

        var start = _offsets[index];
        var length = checked((int)(_offsets[index + 1] - start));
        string text;
        lock (_pending)
        {
            // Appends may still be buffered; writing them first keeps Read correct at any time.
            Flush();
        }

        if (length <= 1024)
        {
            Span<byte> buffer = stackalloc byte[length];
            RandomAccess.Read(_handle, buffer, start);
            text = Encoding.UTF8.GetString(buffer);
        }
        else
        {
            var buffer = new byte[length];
            RandomAccess.Read(_handle, buffer, start);
            text = Encoding.UTF8.GetString(buffer);
        }

        _last = (this, index, text);
        return text;
    }

    /// <summary>Closes and deletes the file.</summary>
    public void Dispose()
    {
        _last = default;
        _handle.Dispose();
    }

    private void Flush()
    {
        if (_pendingLength == 0)
        {
            return;
        }

        RandomAccess.Write(_handle, _pending.AsSpan(0, _pendingLength), _written);
        _written += _pendingLength;
        _pendingLength = 0;
    }
}
