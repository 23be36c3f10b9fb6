using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CiteGraph.Graph.Model;

/// <summary>
/// Stable CiteGraph paper ids: <c>P</c> and 16 hex digits of a SHA-256 over the identity key that first created the paper.
/// </summary>
/// <remarks>
/// The id is assigned once, when a paper is first seen, and never changes when later sources add an arXiv id or DOI;
/// loading the same files again therefore yields the same ids.
/// </remarks>
public static class PaperId
{
    /// <summary>An id for a paper first known by its arXiv id, DOI or normalized title (in that order of preference).</summary>
    public static string For(string? arxivId, string? doi, string titleKey)
    {
        return arxivId is not null ? Hash("arxiv:", arxivId)
            : doi is not null ? Hash("doi:", doi)
            : Hash("title:", titleKey);
    }

    /// <summary>
    /// The id of a paper known only by one external id (a stub created by a reference): the same id
    /// <see cref="For"/> gives a paper first known by that arXiv id or DOI, otherwise a hash of the kind and value.
    /// </summary>
    public static string ForExternal(ExternalId externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return externalId.Kind switch
        {
            ExternalIdKind.Arxiv => For(externalId.Value, null, ""),
            ExternalIdKind.Doi => For(null, externalId.Value, ""),
            _ => Hash(externalId.Kind.ToString().ToLowerInvariant() + ":", externalId.Value),
        };
    }

    /// <summary>
    /// <c>P</c> and the first 8 bytes, in lower-case hex, of the SHA-256 of the UTF-8 of <paramref name="prefix"/> then
    /// <paramref name="value"/>: built on the stack, as a load makes one per paper and per new reference.
    /// </summary>
    private static string Hash(string prefix, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(prefix.Length + value.Length);
        byte[]? rented = null;
        var bytes = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            // The prefix is ASCII, so encoding the two apart gives the bytes of the two joined.
            var used = Encoding.UTF8.GetBytes(prefix, bytes);
            used += Encoding.UTF8.GetBytes(value, bytes[used..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..used], hash);
            Span<char> id = stackalloc char[17];
            id[0] = 'P';
            Convert.TryToHexStringLower(hash[..8], id[1..], out _);
            return new string(id);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when <paramref name="text"/> has the shape of a CiteGraph paper id.</summary>
    public static bool IsPaperId(string text) =>
        text.Length == 17 && text[0] == 'P' && text.AsSpan(1).ContainsAnyExcept("0123456789abcdef") is false;
}
