using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperRecord>>> GetSourceRecordsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            $"""
            SELECT p.id, s.source, s.line, s.format, {SourceTitle}, {SourceAbstract}, s.published, s.authors_count, s.organization, s.upvotes,
                   s.arxiv_id, s.doi
            FROM paper p JOIN paper_source s ON s.paper_pk = p.pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, s.source, s.line;
            """,
            r => ReadSourceRecord(r, first: 1),
            cancellationToken);
}
