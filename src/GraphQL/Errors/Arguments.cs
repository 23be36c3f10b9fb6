using CiteGraph.Graph.Storage;
using global::GraphQL;

namespace CiteGraph.GraphQL.Errors;

/// <summary>Checked reads of common arguments; a bad value becomes an <see cref="InvalidArgumentError"/>.</summary>
internal static class Arguments
{
    public const int MaxPageSize = 500;
    public const int MaxTextLength = 1000;

    public static int PageSize(IResolveFieldContext context, string name = "first")
    {
        var first = context.GetArgument<int>(name);
        return first is < 1 or > MaxPageSize
            ? throw new InvalidArgumentError(name, $"must be between 1 and {MaxPageSize}, got {first}.")
            : first;
    }

    public static string Text(IResolveFieldContext context, string name)
    {
        var text = context.GetArgument<string>(name) ?? "";
        return text.Length > MaxTextLength
            ? throw new InvalidArgumentError(name, $"at most {MaxTextLength} characters, got {text.Length}.")
            : text;
    }

    /// <summary>The <c>filter</c> argument, checked: text length, and a year range that is not reversed.</summary>
    public static PaperFilter Filter(IResolveFieldContext context, string name = "filter")
    {
        var filter = context.GetArgument<PaperFilter?>(name) ?? new PaperFilter();
        if (filter.Text is { Length: > MaxTextLength })
        {
            throw new InvalidArgumentError(name + ".text", $"at most {MaxTextLength} characters.");
        }

        if (filter is { YearFrom: { } from, YearTo: { } to } && from > to)
        {
            throw new InvalidArgumentError(name, $"yearFrom ({from}) is after yearTo ({to}).");
        }

        return filter;
    }
}
