using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>ARXIV, DOI, OPENALEX, S2, HF, EDGELIST.</summary>
public sealed class ExternalIdKindType : EnumerationGraphType<ExternalIdKind>
{
    public ExternalIdKindType()
    {
        Name = "ExternalIdKind";
        Description = "Which identifier system an external id belongs to.";
    }

    /// <summary>DESIGN §7 spells the values as one word: OPENALEX, EDGELIST.</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}
