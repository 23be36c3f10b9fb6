using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Export;

/// <summary>
/// The edge kind names: as files spell them (<see cref="Cites"/> …, the GraphQL <c>EdgeKind</c> names) and as the CLI's
/// <c>--kinds</c> and the HTTP <c>?kinds=</c> take them (<see cref="OptionNames"/>, the same names in kebab case).
/// </summary>
public static class ExportEdgeKinds
{
    public const string Cites = "CITES";
    public const string CitesInferred = "CITES_INFERRED";
    public const string SharedRepo = "SHARED_REPO";
    public const string CoTopic = "CO_TOPIC";

    private static readonly (string Option, EdgeKinds Kind)[] Options =
    [
        ("cites", EdgeKinds.Cites), ("cites-inferred", EdgeKinds.CitesInferred), ("shared-repo", EdgeKinds.SharedRepo), ("co-topic", EdgeKinds.CoTopic),
    ];

    /// <summary>The names <c>--kinds</c> and <c>?kinds=</c> accept (case-insensitive; <c>_</c> for <c>-</c> too, so the GraphQL names work).</summary>
    public static IReadOnlyList<string> OptionNames { get; } = [.. Options.Select(o => o.Option)];

    /// <summary>
    /// The union of the kinds named in <paramref name="values"/>, each a comma-separated list; <see cref="EdgeKinds.All"/>
    /// when they name none. False, with the first name not understood in <paramref name="unknown"/>, otherwise.
    /// </summary>
    public static bool TryParse(IEnumerable<string?> values, out EdgeKinds kinds, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(values);
        kinds = EdgeKinds.None;
        unknown = null;
        foreach (var name in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var option = name.Replace('_', '-').ToLowerInvariant();
            var match = Array.FindIndex(Options, o => o.Option == option);
            if (match < 0)
            {
                unknown = name;
                kinds = EdgeKinds.None;
                return false;
            }

            kinds |= Options[match].Kind;
        }

        if (kinds == EdgeKinds.None)
        {
            kinds = EdgeKinds.All;
        }

        return true;
    }

    /// <summary>What to tell a user who asked for <paramref name="unknown"/>.</summary>
    public static string UnknownMessage(string unknown) =>
        $"Unknown edge kind '{unknown}'; kinds are {string.Join(", ", OptionNames)} (comma-separated or repeated).";

    /// <summary>The name an edge of <paramref name="kind"/> (a single kind) carries in a file.</summary>
    public static string NameOf(EdgeKinds kind) => kind switch
    {
        EdgeKinds.Cites => Cites,
        EdgeKinds.CitesInferred => CitesInferred,
        EdgeKinds.SharedRepo => SharedRepo,
        EdgeKinds.CoTopic => CoTopic,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single edge kind."),
    };

    /// <summary>Whether edges of the kind named <paramref name="name"/> have a direction (citations do; shared repositories and topics do not).</summary>
    public static bool IsDirected(string name) => name is Cites or CitesInferred;
}
