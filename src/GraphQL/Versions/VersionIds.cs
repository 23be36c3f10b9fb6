using System.Globalization;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.GraphQL.Errors;

namespace CiteGraph.GraphQL.Versions;

/// <summary>Version ids as the API shows them (<c>v3</c>) and reads them (<c>v3</c> or <c>3</c>).</summary>
public static class VersionIds
{
    public static string Format(long number) => "v" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number a version id names; an INVALID_ARGUMENT error when it is not one.</summary>
    public static long Parse(string argument, string id)
    {
        var text = id.Trim();
        var digits = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new InvalidArgumentError(argument, $"'{(id.Length > 40 ? id[..40] + "…" : id)}' is not a version id (v1, v2, …).");
    }

    /// <summary>
    /// The version <paramref name="id"/> names, checked to exist (VERSION_NOT_FOUND otherwise). <c>v0</c> is the empty graph
    /// before the first version: <c>changes(since: "v0")</c> is every event.
    /// </summary>
    public static async Task<long> RequireAsync(IVersionLog log, string argument, string id, CancellationToken ct)
    {
        var number = Parse(argument, id);
        if (number == 0)
        {
            return 0;
        }

        return await log.FindVersionAsync(number, ct).ConfigureAwait(false) is null
            ? throw new VersionNotFoundError(argument, id)
            : number;
    }
}

/// <summary>A version id that names no version of this store.</summary>
public sealed class VersionNotFoundError : global::GraphQL.ExecutionError
{
    public VersionNotFoundError(string argument, string id)
        : base($"Argument '{argument}': no version has the id '{(id.Length > 40 ? id[..40] + "…" : id)}'; versions(first:) lists them.")
    {
        Code = ErrorCodes.VersionNotFound;
        Data["argument"] = argument;
    }
}
