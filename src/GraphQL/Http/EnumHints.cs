using System.Text.RegularExpressions;
using GraphQL;
using CiteGraph.GraphQL.Suggestions;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Http;

/// <summary>
/// Adds the valid values to GraphQL.NET's refusal of an enum typo, as a literal (<c>direction: ANCESTOR</c>: "Expected type
/// 'Direction', found ANCESTOR.") or a variable ("Unable to convert 'ANCESTOR' to 'Direction'"): "'Direction' has the
/// values ANCESTORS, DESCENDANTS; did you mean ANCESTORS?". Other errors pass unchanged.
/// </summary>
internal static partial class EnumHints
{
    /// <summary>The result with its enum refusals completed; the same instance, errors replaced where a hint applies.</summary>
    public static ExecutionResult Improve(ExecutionResult result, ISchema schema)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            return result;
        }

        var improved = new ExecutionErrors();
        var changed = false;
        foreach (var error in errors)
        {
            var hint = HintFor(error.Message, schema);
            if (hint is null)
            {
                improved.Add(error);
                continue;
            }

            var copy = new ExecutionError(error.Message.TrimEnd() + " " + hint, error.InnerException) { Code = error.Code, Path = error.Path, Extensions = error.Extensions };
            foreach (var location in error.Locations ?? [])
            {
                copy.AddLocation(location);
            }

            improved.Add(copy);
            changed = true;
        }

        if (changed)
        {
            result.Errors = improved;
        }

        return result;
    }

    private static string? HintFor(string message, ISchema schema)
    {
        var m = LiteralRefusal().Match(message) is { Success: true } literal ? literal : VariableRefusal().Match(message);
        if (!m.Success || schema.AllTypes[m.Groups["type"].Value] is not EnumerationGraphType type)
        {
            return null;
        }

        var names = type.Values.Select(v => v.Name).ToList();
        var hint = $"'{type.Name}' has the values {string.Join(", ", names)}";
        var nearest = Spelling.Nearest(m.Groups["given"].Value.Trim('"'), names);
        return nearest is null ? hint + "." : $"{hint}; did you mean {nearest}?";
    }

    [GeneratedRegex(@"Expected type '(?<type>\w+)!?', found (?<given>[^.;]+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralRefusal();

    [GeneratedRegex(@"Unable to convert '(?<given>[^']*)' to '(?<type>\w+)'", RegexOptions.CultureInvariant)]
    private static partial Regex VariableRefusal();
}
