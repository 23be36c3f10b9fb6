using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Tests.Traversal;

/// <summary>Builds snapshots from named papers and "A>B" citations ("A~B" for an inferred one) for traversal tests.</summary>
internal static class TinyGraph
{
    public static GraphSnapshot Build(string names, string[] citations, (string Repo, string[] Papers)[]? repos = null, double inferredConfidence = 0.6)
    {
        var ids = names.Split(' ');
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var sources = new List<int>();
        var targets = new List<int>();
        var inferred = new List<InferredCitation>();
        foreach (var c in citations)
        {
            var isInferred = c.Contains('~', StringComparison.Ordinal);
            var parts = c.Split('>', '~');
            var (s, t) = (index[parts[0]], index[parts[1]]);
            sources.Add(s);
            targets.Add(t);
            if (isInferred)
            {
                inferred.Add(new InferredCitation(s, t, inferredConfidence, $"{parts[0]} mentions {parts[1]}"));
            }
        }

        var repoUrls = (repos ?? []).Select(r => r.Repo).ToArray();
        var linkPapers = new List<int>();
        var linkRepos = new List<int>();
        foreach (var (repo, papers) in (repos ?? []).Select((r, i) => (i, r.Papers)))
        {
            foreach (var p in papers)
            {
                linkPapers.Add(index[p]);
                linkRepos.Add(repo);
            }
        }

        return GraphSnapshot.Build(new SnapshotSource
        {
            PaperIds = ids,
            Years = ids.Select(_ => int.MinValue).ToArray(),
            IsStub = new bool[ids.Length],
            Communities = ids.Select(_ => -1).ToArray(),
            PageRanks = ids.Select(_ => double.NaN).ToArray(),
            CitationSources = [.. sources],
            CitationTargets = [.. targets],
            Inferred = inferred,
            RepoUrls = repoUrls,
            RepoLinkPapers = [.. linkPapers],
            RepoLinkRepos = [.. linkRepos],
        });
    }

    public static int I(this GraphSnapshot s, string id) => s.TryGetIndex(id, out var i) ? i : throw new ArgumentException(id);

    public static string N(this GraphSnapshot s, int index) => s.PaperId(index);
}
