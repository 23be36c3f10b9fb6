using System.Text;
using CiteGraph.Graph.Suggest;

namespace CiteGraph.Host.Cli;

/// <summary>Suggestion features as the command line spells them: kebab-case (<c>cited-by-similar</c>).</summary>
internal static class FeatureNames
{
    public static string Of(SuggestionFeature feature)
    {
        var name = feature.ToString();
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    public static SuggestionFeature Parse(string name)
    {
        foreach (var feature in Enum.GetValues<SuggestionFeature>())
        {
            if (string.Equals(Of(feature), name, StringComparison.OrdinalIgnoreCase) || string.Equals(feature.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return feature;
            }
        }

        throw new FormatException($"--features: unknown feature '{name}'; known: {string.Join(", ", Enum.GetValues<SuggestionFeature>().Select(Of))}.");
    }

    /// <summary>A feature set: names comma-separated, "all" for every feature, "-name" to leave one out ("all,-term-association").</summary>
    public static IReadOnlySet<SuggestionFeature> ParseSet(string names)
    {
        var set = new HashSet<SuggestionFeature>();
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                set.UnionWith(Enum.GetValues<SuggestionFeature>());
            }
            else if (name.StartsWith('-'))
            {
                set.Remove(Parse(name[1..]));
            }
            else
            {
                set.Add(Parse(name));
            }
        }

        return set.Count > 0 ? set : throw new FormatException($"--fit-features: '{names}' names no feature.");
    }
}
