namespace CiteGraph.GraphQL.Semantic;

/// <summary>How <c>search</c> ranks papers.</summary>
public enum SearchMode
{
    /// <summary>Full-text search (BM25 over title and abstract): every word must match.</summary>
    Keyword,

    /// <summary>Nearest sentence embeddings: similar in meaning, whatever the words.</summary>
    Semantic,

    /// <summary>Both lists fused by reciprocal rank (<see cref="PaperSearch.RrfK"/>); keyword alone when no vectors are stored.</summary>
    Hybrid,
}
