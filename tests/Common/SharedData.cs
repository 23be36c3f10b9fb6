namespace CiteGraph.Tests;

/// <summary>Finds ../shared beside the repository (seeds and real datasets), which tests read but never copy.</summary>
internal static class SharedData
{
    /// <summary>The repository root: the first folder above the test binary that holds CiteGraph.slnx.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Path of a file or folder under ../shared, or a skip (with the reason printed) when it is absent.</summary>
    public static string Require(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", relative));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"../shared/{relative} is not present beside the repository ({path}); this test needs it.");
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CiteGraph.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CiteGraph.slnx not found above " + AppContext.BaseDirectory);
    }
}
