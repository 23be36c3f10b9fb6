using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Text;

/// <summary>
/// Finds the URLs, repositories, arXiv ids and DOIs in a paper's text, repairing what copy-and-paste does to them: LaTeX
/// escapes, URLs glued to each other (<c>…}{https://…</c>), trailing sentence punctuation.
/// </summary>
public static partial class LinkExtractor
{
    /// <summary>Everything the text links to, each distinct item once, in order of first appearance.</summary>
    public static ExtractedLinks Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ExtractedLinks([], [], []);
        }

        var clean = GluedUrl().Replace(LatexText.Clean(text), " ");
        var repos = new List<RepoLink>();
        var links = new List<WebLink>();
        var mentions = new List<ExternalId>();
        var seenRepos = new HashSet<string>(StringComparer.Ordinal);
        var seenLinks = new HashSet<string>(StringComparer.Ordinal);
        var seenMentions = new HashSet<ExternalId>();

        void Mention(ExternalIdKind kind, string? value)
        {
            if (value is not null && seenMentions.Add(new ExternalId(kind, value)))
            {
                mentions.Add(new ExternalId(kind, value));
            }
        }

        foreach (Match m in UrlPattern().Matches(clean))
        {
            var raw = TrimUrl(m.Value);
            var url = raw.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? raw : "https://" + raw;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                continue;
            }

            var host = uri.Host.ToLowerInvariant();
            if (host.EndsWith("arxiv.org", StringComparison.Ordinal))
            {
                Mention(ExternalIdKind.Arxiv, Identifiers.NormalizeArxiv(uri.AbsolutePath));
                continue;
            }

            if (host is "doi.org" or "dx.doi.org")
            {
                Mention(ExternalIdKind.Doi, Identifiers.NormalizeDoi(Uri.UnescapeDataString(uri.AbsolutePath)));
                continue;
            }

            if (RepoUrl.TryParse(raw) is { } repo)
            {
                if (seenRepos.Add(repo.Url + "\n" + raw))
                {
                    repos.Add(new RepoLink(repo, raw));
                }

                continue;
            }

            var canonical = uri.GetLeftPart(UriPartial.Query).TrimEnd('/');
            if (seenLinks.Add(canonical))
            {
                links.Add(new WebLink(canonical, Classify(host, uri.AbsolutePath)));
            }
        }

        foreach (Match m in ArxivMention().Matches(clean))
        {
            Mention(ExternalIdKind.Arxiv, Identifiers.NormalizeArxiv(m.Groups["id"].Value));
        }

        foreach (Match m in DoiMention().Matches(clean))
        {
            Mention(ExternalIdKind.Doi, Identifiers.NormalizeDoi(m.Value));
        }

        return new ExtractedLinks(repos, links, mentions);
    }

    private static LinkKind Classify(string host, string path)
    {
        if (host is "huggingface.co" or "hf.co")
        {
            return path.StartsWith("/datasets/", StringComparison.Ordinal) ? LinkKind.Dataset : LinkKind.ModelHub;
        }

        if (host.EndsWith(".github.io", StringComparison.Ordinal) || host.StartsWith("sites.google", StringComparison.Ordinal))
        {
            return LinkKind.ProjectPage;
        }

        return host is "zenodo.org" or "www.kaggle.com" or "kaggle.com" ? LinkKind.Dataset : LinkKind.Other;
    }

    /// <summary>Cuts what a sentence or LaTeX left after a URL: trailing punctuation, unbalanced closing brackets, braces.</summary>
    private static string TrimUrl(string url)
    {
        var brace = url.IndexOfAny(['{', '}']);
        if (brace > 0)
        {
            url = url[..brace];
        }

        while (url.Length > 0)
        {
            var last = url[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '*' or '>')
            {
                url = url[..^1];
            }
            else if (last is ')' or ']' && Count(url, last == ')' ? '(' : '[') < Count(url, last))
            {
                url = url[..^1];
            }
            else
            {
                break;
            }
        }

        return url;
    }

    private static int Count(string s, char c) => s.AsSpan().Count(c);

    // "…}{https://a" and "https://a.comhttps://b" become two URLs.
    [GeneratedRegex(@"(?<=[^\s])(?=https?://)", RegexOptions.CultureInvariant)]
    private static partial Regex GluedUrl();

    [GeneratedRegex(@"(?:https?://|(?<![\w./@-])(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)/)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\barXiv\s*:\s*(?<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivMention();

    [GeneratedRegex(@"(?<![\w/.])10\.\d{4,9}/[^\s""<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex DoiMention();
}
