using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>The Relay Node interface: anything with a globally unique id that <c>node(id)</c> can fetch again.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique id: papers (P…) and communities (C…).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Globally unique id.");
    }

    /// <summary>The global id of community <paramref name="id"/>.</summary>
    public static string CommunityId(int id) => "C" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The community number in "C3" (or a bare "3"), or null.</summary>
    public static int? ParseCommunityId(string id)
    {
        var digits = id.StartsWith('C') ? id[1..] : id;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
