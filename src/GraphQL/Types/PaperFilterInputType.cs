using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Conditions on papers; every condition given must hold.</summary>
public sealed class PaperFilterInputType : InputObjectGraphType<PaperFilter>
{
    public PaperFilterInputType()
    {
        Name = "PaperFilter";
        Field<StringGraphType>("text").Description("Words that must all occur in title or abstract.");
        Field<IntGraphType>("yearFrom").Description("Earliest publication year, inclusive.");
        Field<IntGraphType>("yearTo").Description("Latest publication year, inclusive.");
        Field<BooleanGraphType>("hasRepo").Description("Only papers that do (true) or do not (false) reference a code repository.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new PaperFilter(
        value.TryGetValue("text", out var text) ? (string?)text : null,
        value.TryGetValue("yearFrom", out var from) ? (int?)from : null,
        value.TryGetValue("yearTo", out var to) ? (int?)to : null,
        value.TryGetValue("hasRepo", out var hasRepo) ? (bool?)hasRepo : null);
}
