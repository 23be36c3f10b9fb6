using System.Security.Cryptography;
using System.Text;

namespace CiteGraph.GraphQL.Mutations;

/// <summary>
/// The API key mutations (and whole-graph exports) require in the <c>X-Api-Key</c> header, <c>CiteGraph:ApiKey</c> or the
/// <see cref="EnvironmentVariable"/>; registered by the host. No key configured: mutations are refused.
/// </summary>
public sealed class ApiKeyOptions
{
    /// <summary>The environment variable the key may come from when <c>CiteGraph:ApiKey</c> is not set.</summary>
    public const string EnvironmentVariable = "CITEGRAPH_API_KEY";

    /// <summary>The key; null or empty disables mutations. Never logged.</summary>
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
