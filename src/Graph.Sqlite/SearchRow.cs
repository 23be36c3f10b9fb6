namespace CiteGraph.Graph.Sqlite;

/// <summary>A paper's key and the text the search index holds for it: its title and abstract as stored.</summary>
internal readonly record struct SearchRow(long Pk, string Title, string? Abstract);
