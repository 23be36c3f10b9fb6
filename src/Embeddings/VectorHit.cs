namespace CiteGraph.Embeddings;

/// <summary>One nearest neighbour: its position in the <see cref="VectorIndex"/>, its id and its cosine similarity to the query.</summary>
public readonly record struct VectorHit(int Index, string Id, float Score);
