using System.Collections.Concurrent;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// The Cypher the Neo4j store runs, one statement per file of the repository's <c>cypher/</c> folder, copied next to the
/// assembly at build (<c>cypher/NAME.cypher</c>) and loaded by name. Statements are only ever parameterized, never built
/// from input.
/// </summary>
public static class CypherStatements
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The folder statements are read from: <c>cypher/</c> beside the application.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "cypher");

    /// <summary>The statement of <c>cypher/NAME.cypher</c>, without its trailing semicolon.</summary>
    public static string Get(string name) => Cache.GetOrAdd(name, static n =>
    {
        var statements = Split(Read(n));
        return statements.Count == 1
            ? statements[0]
            : throw new InvalidOperationException($"cypher/{n}.cypher holds {statements.Count} statements; a statement file holds exactly one.");
    });

    /// <summary>Every statement of a file of several (<c>schema</c>), in order.</summary>
    public static IReadOnlyList<string> GetAll(string name) => Split(Read(name));

    /// <summary>
    /// Splits a file into statements at semicolons that end a line. Lines that are only a <c>//</c> comment are dropped;
    /// a statement file never puts a semicolon at a line end inside a string.
    /// </summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            if (line.EndsWith(';'))
            {
                current.Add(line[..^1]);
                statements.Add(string.Join('\n', current).Trim());
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            statements.Add(string.Join('\n', current).Trim());
        }

        return statements.Where(s => s.Length > 0).ToList();
    }

    private static string Read(string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            throw new ArgumentException($"'{name}' is not a statement name.", nameof(name));
        }

        var path = Path.Combine(Folder, name + ".cypher");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"The Cypher statement {name} is missing: {path} (cypher/*.cypher is copied to the build output).", path);
    }
}
