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
        var key = arxivId is not null ? "arxiv:" + arxivId
            : doi is not null ? "doi:" + doi
            : "title:" + titleKey;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "P" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
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
            _ => "P" + Convert.ToHexStringLower(SHA256.HashData(
                Encoding.UTF8.GetBytes(externalId.Kind.ToString().ToLowerInvariant() + ":" + externalId.Value)).AsSpan(0, 8)),
        };
    }

    /// <summary>True when <paramref name="text"/> has the shape of a CiteGraph paper id.</summary>
    public static bool IsPaperId(string text) =>
        text.Length == 17 && text[0] == 'P' && text.AsSpan(1).ContainsAnyExcept("0123456789abcdef") is false;
}
