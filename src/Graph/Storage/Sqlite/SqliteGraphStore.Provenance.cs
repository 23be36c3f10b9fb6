using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperRecord>>> GetSourceRecordsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            """
            SELECT p.id, s.source, s.line, s.format, s.title, s.abstract, s.published, s.authors_count, s.organization, s.upvotes,
                   s.arxiv_id, s.doi
            FROM paper p JOIN paper_source s ON s.paper_pk = p.pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, s.source, s.line;
            """,
            ReadStoredSource,
            cancellationToken);

    /// <summary>A <c>paper_source</c> row (after the paper id column) as the record it was written from, lists left empty.</summary>
    private static PaperRecord ReadStoredSource(SqliteDataReader r) => new()
    {
        Source = new SourceRef(r.GetString(1), r.GetInt32(2), r.GetString(3)),
        Title = r.GetString(4),
        Abstract = r.IsDBNull(5) ? null : r.GetString(5),
        Published = !r.IsDBNull(6) && PartialDate.TryParse(r.GetString(6), out var date) ? date : null,
        AuthorsCount = r.IsDBNull(7) ? null : r.GetInt32(7),
        Organization = r.IsDBNull(8) ? null : r.GetString(8),
        Upvotes = r.IsDBNull(9) ? null : r.GetInt32(9),
        ArxivId = r.IsDBNull(10) ? null : r.GetString(10),
        Doi = r.IsDBNull(11) ? null : r.GetString(11),
    };
}
