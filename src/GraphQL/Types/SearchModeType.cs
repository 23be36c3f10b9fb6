using CiteGraph.GraphQL.Semantic;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>How search ranks papers.</summary>
public sealed class SearchModeType : EnumerationGraphType
{
    public SearchModeType()
    {
        Name = "SearchMode";
        Add("KEYWORD", SearchMode.Keyword, "Full-text search (BM25 over title and abstract): every word must match.");
        Add("SEMANTIC", SearchMode.Semantic, "Nearest sentence embeddings (all-MiniLM-L6-v2) of title and abstract: similar in meaning, whatever the words.");
        Add("HYBRID", SearchMode.Hybrid, "Keyword and semantic lists fused by reciprocal rank (1 / (60 + rank), summed); keyword alone when no vectors are stored.");
    }
}
