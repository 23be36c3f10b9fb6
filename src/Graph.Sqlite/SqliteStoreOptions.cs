namespace CiteGraph.Graph.Sqlite;

/// <summary>Options of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Path of the database file. Default <c>citegraph.db</c> in the working directory.</summary>
    public string Path { get; set; } = "citegraph.db";

    /// <summary>How long a connection waits for a lock before failing. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
