using System.Text.Json;
using System.Text.RegularExpressions;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The GraphQL queries README.md shows: the <c>"query"</c> of every <c>curl -d '{…}'</c> JSON body and every
/// <c>--data-urlencode 'query=…'</c>, in the order they appear, so tests can keep them valid against the schema.
/// </summary>
internal static partial class ReadmeExamples
{
    /// <summary>One example: its text and whether README sends it as a mutation.</summary>
    public sealed record Example(int Number, string Query)
    {
        public bool IsMutation => Query.TrimStart().StartsWith("mutation", StringComparison.Ordinal);

        /// <summary>The query with an operation name (codegen needs one): <c>ReadmeExampleN</c>.</summary>
        public string Named()
        {
            var body = Query.Trim();
            var name = "ReadmeExample" + Number;
            if (body.StartsWith('{'))
            {
                return "query " + name + " " + body;
            }

            var keyword = body.StartsWith("mutation", StringComparison.Ordinal) ? "mutation" : "query";
            return keyword + " " + name + body[keyword.Length..];
        }
    }

    public static IReadOnlyList<Example> All()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md"));
        var queries = new List<(int At, string Query)>();
        foreach (Match m in JsonBody().Matches(readme))
        {
            using var json = JsonDocument.Parse(m.Groups["json"].Value);
            queries.Add((m.Index, json.RootElement.GetProperty("query").GetString()!));
        }

        foreach (Match m in UrlEncoded().Matches(readme))
        {
            queries.Add((m.Index, m.Groups["query"].Value));
        }

        return [.. queries.OrderBy(q => q.At).Select((q, i) => new Example(i + 1, q.Query))];
    }

    [GeneratedRegex("""-d '(?<json>\{\s*"query"[^']*)'""")]
    private static partial Regex JsonBody();

    [GeneratedRegex("""--data-urlencode 'query=(?<query>[^']*)'""")]
    private static partial Regex UrlEncoded();
}
