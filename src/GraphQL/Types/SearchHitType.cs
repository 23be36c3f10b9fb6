using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A full-text search result.</summary>
public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Field<NonNullGraphType<PaperType>>("paper").Resolve(ctx => ctx.Source.Paper);
        Field(h => h.Score).Description(
            "Relevance, higher is better: BM25 with the title weighted 10× (KEYWORD), cosine similarity (SEMANTIC), or the reciprocal-rank-fusion sum (HYBRID).");
        Field(h => h.Snippet).Description("Text around the matched words, which are wrapped in [brackets]; for a match by meaning only, the start of the abstract.");
    }
}
