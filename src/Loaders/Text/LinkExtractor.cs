using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Text;

/// <summary>
/// Finds the URLs, repositories, arXiv ids and DOIs in a paper's text, repairing what copy-and-paste does to them: LaTeX
/// escapes, URLs glued to each other (<c>…}{https://…</c>), trailing sentence punctuation.
/// </summary>
public static partial class LinkExtractor
{
    private static readonly ExtractedLinks Nothing = new([], [], []);

    /// <summary>Everything the text links to, each distinct item once, in order of first appearance.</summary>
    public static ExtractedLinks Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Nothing;
        }

        var clean = LatexText.Clean(text);
        if (MayBeGlued(clean))
        {
            clean = GluedUrl().Replace(clean, " ");
        }

        // Most texts link to nothing: the patterns are tried without allocating, and lists are made only for what is found.
        var urls = UrlPattern().IsMatch(clean);
        var arxivMentions = ArxivMention().IsMatch(clean);
        var doiMentions = DoiMention().IsMatch(clean);
        if (!urls && !arxivMentions && !doiMentions)
        {
            return Nothing;
        }

        var found = new Found();
        if (urls)
        {
            foreach (var m in UrlPattern().EnumerateMatches(clean))
            {
                found.Url(TrimUrl(clean.Substring(m.Index, m.Length)));
            }
        }

        if (arxivMentions)
        {
            // The id is a group of the match: the Match objects are needed here (and only made when there is one).
            foreach (Match m in ArxivMention().Matches(clean))
            {
                found.Mention(ExternalIdKind.Arxiv, Identifiers.NormalizeArxiv(m.Groups["id"].Value));
            }
        }

        if (doiMentions)
        {
            foreach (var m in DoiMention().EnumerateMatches(clean))
            {
                found.Mention(ExternalIdKind.Doi, Identifiers.NormalizeDoi(clean.Substring(m.Index, m.Length)));
            }
        }

        return new ExtractedLinks(found.Repos ?? [], found.Links ?? [], found.Mentions ?? []);
    }

    /// <summary>What one text links to so far, each distinct item once; the lists and sets exist once something is found.</summary>
    private sealed class Found
    {
        private HashSet<string>? _seenRepos;
        private HashSet<string>? _seenLinks;
        private HashSet<ExternalId>? _seenMentions;

        public List<RepoLink>? Repos { get; private set; }

        public List<WebLink>? Links { get; private set; }

        public List<ExternalId>? Mentions { get; private set; }

        public void Url(string raw)
        {
            var url = raw.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? raw : "https://" + raw;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                return;
            }

            var host = uri.Host.ToLowerInvariant();
            if (host.EndsWith("arxiv.org", StringComparison.Ordinal))
            {
                Mention(ExternalIdKind.Arxiv, Identifiers.NormalizeArxiv(uri.AbsolutePath));
                return;
            }

            if (host is "doi.org" or "dx.doi.org")
            {
                Mention(ExternalIdKind.Doi, Identifiers.NormalizeDoi(Uri.UnescapeDataString(uri.AbsolutePath)));
                return;
            }

            if (RepoUrl.TryParse(raw) is { } repo)
            {
                if ((_seenRepos ??= new HashSet<string>(StringComparer.Ordinal)).Add(repo.Url + "\n" + raw))
                {
                    (Repos ??= []).Add(new RepoLink(repo, raw));
                }

                return;
            }

            var canonical = uri.GetLeftPart(UriPartial.Query).TrimEnd('/');
            if ((_seenLinks ??= new HashSet<string>(StringComparer.Ordinal)).Add(canonical))
            {
                (Links ??= []).Add(new WebLink(canonical, Classify(host, uri.AbsolutePath)));
            }
        }

        public void Mention(ExternalIdKind kind, string? value)
        {
            if (value is not null && (_seenMentions ??= []).Add(new ExternalId(kind, value)))
            {
                (Mentions ??= []).Add(new ExternalId(kind, value));
            }
        }
    }

    /// <summary>
    /// False when <see cref="GluedUrl"/> surely has nothing to split: every <c>http</c> starts the text or follows a
    /// plain space (the usual abstract, with or without a link), so the regex need not look at each position.
    /// </summary>
    private static bool MayBeGlued(string text)
    {
        for (var at = text.IndexOf("http", StringComparison.Ordinal); at >= 0; at = text.IndexOf("http", at + 4, StringComparison.Ordinal))
        {
            if (at > 0 && text[at - 1] != ' ')
            {
                return true;
            }
        }

        return false;
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
