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
        Add("KEY_TERMS", RelatedBy.KeyTerms, "Sharing rare title and abstract terms, TF-IDF cosine (a reason of suggested references).");
        Add("CITED_BY_SIMILAR", RelatedBy.CitedBySimilar, "Cited by the papers most similar to it (a reason of suggested references).");
        Add("POPULARITY", RelatedBy.Popularity, "Cited often in the graph (a reason of suggested references).");
        Add("DIRECT_CITATION", RelatedBy.DirectCitation, "Cited by the paper itself, explicitly or inferred from its text (a reason of suggested references).");
        Add("RECENCY", RelatedBy.Recency, "Of an age the graph's papers cite readily, a few years older typically (a reason of suggested references).");
        Add("TERM_ASSOCIATION", RelatedBy.TermAssociation, "Its terms go with the paper's different terms in earlier citations, a term association learned from them (a reason of suggested references).");
        Add("CITATION_SEMANTIC", RelatedBy.CitationSemantic, "Close to what papers like it cite: embedding cosine after a map learned from earlier citations (a reason of suggested references).");
    }
}
