using System.Text.RegularExpressions;
namespace CiteGraph.Graph.Model;

/// <summary>
/// Canonical code-repository URLs: <c>https://github.com/owner/name</c> with owner and name lower-cased, whatever junk a
/// paper's text wrapped around it (trailing punctuation, <c>.git</c>, LaTeX escapes, deep links into the tree).
/// </summary>
public static partial class RepoUrl
{
    private static readonly HashSet<string> Hosts = new(StringComparer.OrdinalIgnoreCase) { "github.com", "gitlab.com", "bitbucket.org" };

    // GitHub paths whose first segment is a site section, not an owner.
    private static readonly HashSet<string> ReservedOwners = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "apps", "collections", "contact", "customer-stories", "enterprise", "events", "explore", "features",
        "login", "marketplace", "orgs", "pricing", "search", "security", "settings", "site", "sponsors", "topics", "trending",
    };

    /// <summary>
    /// Parses a repository reference (with or without scheme). Returns null when the text does not name a repository
    /// on a known code host (a user page, a site section, a github.io page).
    /// </summary>
    public static Repo? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = LatexEscape().Replace(text.Trim(), "${c}");
        var m = Shape().Match(s);
        if (!m.Success || !Hosts.Contains(m.Groups["host"].Value))
        {
            return null;
        }

        var owner = m.Groups["owner"].Value;
        var name = m.Groups["name"].Value;
        // Strip, repeatedly, what sentences and LaTeX leave after a URL: "LAME.", "Baselines.git.", "repo)."
        string previous;
        do
        {
            previous = name;
            name = name.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\'', '*');
            if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^4];
            }
        }
        while (name != previous);

        if (name.Length == 0 || owner.Length == 0 || ReservedOwners.Contains(owner) || name is "." or "..")
        {
            return null;
        }

        var host = m.Groups["host"].Value.ToLowerInvariant();
        owner = owner.ToLowerInvariant();
        name = name.ToLowerInvariant();
        return new Repo($"https://{host}/{owner}/{name}", host, owner, name);
    }

    /// <summary>True when the reference points inside a repository (<c>/tree/…</c>, <c>/blob/…</c>), not at it.</summary>
    public static bool IsDeepLink(string text) => DeepLink().IsMatch(text);

    // "projection\_ntk" as papers print it in LaTeX.
    [GeneratedRegex(@"\\(?<c>[_%&#~])")]
    private static partial Regex LatexEscape();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?(?<host>[A-Za-z0-9.-]+)/(?<owner>[A-Za-z0-9_.-]+)/(?<name>[A-Za-z0-9_.\-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?[A-Za-z0-9.-]+/[^/\s]+/[^/\s]+/[^\s]*[A-Za-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex DeepLink();
}
