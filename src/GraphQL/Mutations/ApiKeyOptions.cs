using System.Security.Cryptography;
using System.Text;

namespace CiteGraph.GraphQL.Mutations;

/// <summary>The API key mutations require in the <c>X-Api-Key</c> header. No key configured: mutations are refused.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The key (from <c>CITEGRAPH_API_KEY</c>); null or empty disables mutations. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether <paramref name="presented"/> is the key, in time that does not depend on where they differ.</summary>
    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(ApiKey) || presented is null)
        {
            return false;
        }

        // Hashing first gives equal-length inputs, so the comparison leaks neither content nor length.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
