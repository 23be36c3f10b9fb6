using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Tests;

/// <summary>Throwaway domain objects for tests.</summary>
internal static class Some
{
    public static PaperRecord Record(string title, string file = "a.txt", int line = 1, string? @abstract = "An abstract long enough to be one.",
        string? published = null, string? arxiv = null, string? repo = null, int? upvotes = null) => new()
        {
            Title = title,
            Abstract = @abstract,
            Published = published is null ? null : PartialDate.TryParse(published, out var d) ? d : throw new ArgumentException(published),
            ArxivId = arxiv,
            Upvotes = upvotes,
            Repos = repo is null ? [] : [new RepoLink(RepoUrl.TryParse(repo)!, repo)],
            Source = new SourceRef(file, line, "test"),
        };

    public static ResolvedRecord Resolved(PaperRecord record) =>
        new(PaperId.For(record.ArxivId, record.Doi, Identifiers.TitleKey(record.Title)), record);
}
