namespace CiteGraph.Tests;

/// <summary>A scratch folder for one test, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "citegraph-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        // No SqliteConnection.ClearAllPools here: it clears every pool of the process, also under the tests running beside
        // this one, and a clear can dispose a connection another thread is opening (ReadConnectionPoolTests). A store closes
        // its own connections when disposed.
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing host; the OS temp folder is cleaned eventually.
        }
    }
}
