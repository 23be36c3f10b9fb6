namespace CiteGraph.Host.Cli;

/// <summary>
/// The files a <c>load</c> reads: a file path as given; a directory as every file under it, in name order, so a dataset
/// folder (<c>hf-daily-papers-api/</c> with its <c>daily/*.json</c>) loads as one argument. Hidden entries and the
/// folder's documentation (<c>*.md</c> such as SOURCE.md, README, LICENSE and NOTICE files) are left out: they are not
/// papers, and reading them would only add rejections.
/// </summary>
internal static class LoadInputs
{
    /// <summary>Each path, directories replaced by the files under them (sorted ordinally; paths joined as the user wrote the directory).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            files.AddRange(FilesUnder(path));
        }

        return files;
    }

    /// <summary>Why a directory argument gives nothing to load, or null when it has files (or is not a directory).</summary>
    public static string? EmptyDirectoryProblem(string path) =>
        Directory.Exists(path) && !FilesUnder(path).Any()
            ? $"'{path}' is a directory with no paper files in it (hidden entries, *.md, README and LICENSE files are skipped); give files or a folder that holds them."
            : null;

    private static IEnumerable<string> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(f => !IsHiddenOrDocumentation(Path.GetRelativePath(directory, f)))
            .Order(StringComparer.Ordinal);

    private static bool IsHiddenOrDocumentation(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))
        || relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || DocumentationNames.Any(name => Path.GetFileName(relative).StartsWith(name, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] DocumentationNames = ["README", "LICENSE", "LICENCE", "NOTICE", "COPYING"];
}
