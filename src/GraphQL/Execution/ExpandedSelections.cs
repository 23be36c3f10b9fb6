using GraphQLParser.AST;

namespace CiteGraph.GraphQL.Execution;

/// <summary>
/// Counts the field selections an operation would have once every fragment spread is expanded, without expanding them:
/// each fragment's size is computed once and reused, so a document whose fragments spread each other twice (2^k fields
/// from a few hundred bytes) is measured in time linear in its text. Validation rules such as overlapping-fields
/// checking do expand fragments, so this count is what bounds their work.
/// </summary>
internal static class ExpandedSelections
{
    /// <summary>Counts stop growing past this value (and the sum cannot overflow).</summary>
    private const long Saturation = long.MaxValue / 4;

    /// <summary>
    /// The largest expanded selection count of the document's operations (or of <paramref name="operationName"/>'s
    /// operation when given and present). Fragment cycles and unknown fragments count as empty: validation reports them.
    /// </summary>
    public static long Count(GraphQLDocument document, string? operationName = null)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var largest = 0L;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation &&
                (operationName is null || operation.Name is null || operation.Name.StringValue == operationName))
            {
                largest = Math.Max(largest, SizeOf(operation.SelectionSet, fragments, sizes, depth: 0));
            }
        }

        return largest;
    }

    private static long SizeOf(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, int depth)
    {
        if (set is null)
        {
            return 0;
        }

        // The parser bounds nesting depth; fragments nest through spreads, which this bound covers (a longer chain is a
        // cycle or an attack either way, and validation refuses both).
        if (depth > 256)
        {
            return Saturation;
        }

        var total = 0L;
        foreach (var selection in set.Selections)
        {
            var size = selection switch
            {
                GraphQLField field => 1 + SizeOf(field.SelectionSet, fragments, sizes, depth + 1),
                GraphQLInlineFragment inline => SizeOf(inline.SelectionSet, fragments, sizes, depth + 1),
                GraphQLFragmentSpread spread => SizeOfFragment(spread.FragmentName.Name.StringValue, fragments, sizes, depth + 1),
                _ => 0,
            };
            total = Math.Min(Saturation, total + size);
        }

        return total;
    }

    private static long SizeOfFragment(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, int depth)
    {
        if (sizes.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!fragments.TryGetValue(name, out var fragment))
        {
            return 0;
        }

        // Marked empty while being measured: a cycle then adds nothing instead of recursing forever.
        sizes[name] = 0;
        var size = SizeOf(fragment.SelectionSet, fragments, sizes, depth);
        sizes[name] = size;
        return size;
    }
}
