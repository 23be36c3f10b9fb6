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
            if (stream.CanSeek)
            {
                stream.Position = 0;
            }
            else
            {
                stream.Dispose();
                stream = input.Open();
            }

            return gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>True when the input is gzip-compressed.</summary>
    public static bool IsGzip(this InputFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var stream = input.Open();
        Span<byte> magic = stackalloc byte[2];
        return stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <summary>The input's name without a <c>.gz</c> suffix and without the directory.</summary>
    public static string BaseName(this InputFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = Path.GetFileName(input.Name.Replace('\\', '/'));
        return name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
    }
}
