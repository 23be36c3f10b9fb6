using System.IO.Compression;

namespace CiteGraph.Loaders.Reading;

/// <summary>Opens an input's content, decompressing gzip (recognised by its magic bytes 1f 8b, whatever the file is named).</summary>
public static class InputContent
{
    /// <summary>A fresh stream over the (decompressed) content of <paramref name="input"/>.</summary>
    public static Stream OpenContent(this InputFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stream = input.Open();
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            var gzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            uint? expectedSize = null;
            if (stream.CanSeek)
            {
                if (gzip && stream.Length >= 18)
                {
                    // ISIZE, the last four bytes: the uncompressed size modulo 2^32.
                    Span<byte> trailer = stackalloc byte[4];
                    stream.Position = stream.Length - 4;
                    stream.ReadExactly(trailer);
                    expectedSize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
                }

                stream.Position = 0;
            }
            else
            {
                stream.Dispose();
                stream = input.Open();
            }

            return gzip ? new CheckedGzipStream(new GZipStream(stream, CompressionMode.Decompress), expectedSize) : stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The input's name without a <c>.gz</c> suffix and without the directory.</summary>
    public static string BaseName(this InputFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = Path.GetFileName(input.Name.Replace('\\', '/'));
        return name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
    }

    /// <summary>
    /// A gzip stream that fails at its end when fewer bytes came out than the gzip trailer announces: .NET's
    /// <see cref="GZipStream"/> returns a truncated file's partial content without any error.
    /// </summary>
    private sealed class CheckedGzipStream(GZipStream inner, uint? expectedSize) : ReadOnlyPassThroughStream(inner)
    {
        private long _total;

        public override long Position { get => _total; set => throw new NotSupportedException(); }

        protected override int OnRead(int read, int requested)
        {
            _total += read;
            if (read == 0 && requested > 0 && expectedSize is { } expected && (uint)_total != expected)
            {
                throw new InvalidDataException(
                    $"the gzip data ends after {_total:N0} bytes but its trailer announces {expected:N0} (a truncated file, or a multi-member gzip)");
            }

            return read;
        }
    }
}
