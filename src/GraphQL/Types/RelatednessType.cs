using CiteGraph.Graph.Traversal;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Measures of relatedness.</summary>
public sealed class RelatednessType : EnumerationGraphType
{
    public RelatednessType()
    {
        Name = "Relatedness";
        Add("CO_CITATION", RelatedBy.CoCitation, "Cited together by the same papers.");
        Add("BIBLIOGRAPHIC_COUPLING", RelatedBy.BibliographicCoupling, "Citing the same papers.");
        Add("SHARED_REPO", RelatedBy.SharedRepo, "Referencing the same code repository.");
        Add("PERSONALIZED_PAGERANK", RelatedBy.PersonalizedPageRank, "Personalized PageRank from the paper over the citation graph.");
        Add("CO_TOPIC", RelatedBy.CoTopic, "Sharing idf-weighted topics.");
        Add("SEMANTIC", RelatedBy.Semantic, "Similar in meaning: cosine of the title+abstract sentence embeddings.");
    }
}
