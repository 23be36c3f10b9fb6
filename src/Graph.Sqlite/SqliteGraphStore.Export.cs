using System.Runtime.CompilerServices;
using System.Text.Json;
using CiteGraph.Graph.Storage;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// The query of each export table, its columns in <see cref="ExportTables"/>' order. Lists come as JSON arrays of
    /// strings (read back by the column's type); mentions and external-id keys take the Neo4j store's <c>Kind:value</c>
    /// form and source keys its <c>paper␟file␟line</c> form, so both stores export the same rows.
    /// </summary>
    private static readonly Dictionary<ExportTable, string> ExportQueries = new()
    {
        [ExportTable.Papers] = """
            SELECT p.id, p.pk, p.title, p.title_key, p.abstract, p.year, p.published, p.authors_count, p.organization, p.upvotes,
                   p.arxiv_id, p.doi, p.is_stub,
                   (SELECT json_group_array(keyword) FROM (SELECT keyword FROM paper_keyword k WHERE k.paper_pk = p.pk ORDER BY keyword)),
                   (SELECT json_group_array(m) FROM (SELECT kind || ':' || value AS m FROM paper_mention m WHERE m.paper_pk = p.pk ORDER BY m)),
                   p.page_rank, p.betweenness, p.community, p.core_number, p.component
            FROM paper p ORDER BY p.pk
            """,
        [ExportTable.Sources] = $"""
            SELECT p.id || char(31) || s.source || char(31) || s.line, p.id, s.source, s.line, s.format, {SourceTitle}, {SourceAbstract}, s.published,
                   s.authors_count, s.organization, s.upvotes, s.arxiv_id, s.doi
            FROM paper p JOIN paper_source s ON s.paper_pk = p.pk ORDER BY p.pk, s.source, s.line
            """,
        [ExportTable.ExternalIds] = """
            SELECT e.kind || ':' || e.value, e.kind, e.value, p.id FROM external_id e JOIN paper p ON p.pk = e.paper_pk ORDER BY e.kind, e.value
            """,
        [ExportTable.Repos] = "SELECT url, host, owner, name FROM repo ORDER BY url",
        [ExportTable.Links] = "SELECT DISTINCT url FROM paper_link ORDER BY url",
        [ExportTable.Authors] = "SELECT name FROM author ORDER BY name",
        [ExportTable.Topics] = "SELECT id, name, aliases, df, idf FROM topic ORDER BY id",
        [ExportTable.TopicAliases] = "SELECT DISTINCT alias FROM topic_alias ORDER BY alias",
        [ExportTable.Communities] = "SELECT CAST(id AS TEXT), id, level, size, label FROM community ORDER BY id",
        [ExportTable.Cites] = $"""
            SELECT s.id, d.id, {CitationKinds.NameSql("c")}, c.confidence, {CitationEvidence}
            FROM cites c JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk ORDER BY c.src_pk, c.dst_pk, c.kind
            """,
        [ExportTable.FromSource] = """
            SELECT p.id, p.id || char(31) || s.source || char(31) || s.line FROM paper p JOIN paper_source s ON s.paper_pk = p.pk
            ORDER BY p.pk, s.source, s.line
            """,
        [ExportTable.ReferencesRepo] = """
            SELECT p.id, r.url, pr.evidence FROM paper_repo pr JOIN paper p ON p.pk = pr.paper_pk JOIN repo r ON r.pk = pr.repo_pk
            ORDER BY pr.paper_pk, r.url, pr.evidence
            """,
        [ExportTable.LinksTo] = "SELECT p.id, l.url, l.kind FROM paper_link l JOIN paper p ON p.pk = l.paper_pk ORDER BY l.paper_pk, l.url",
        [ExportTable.Authored] = """
            SELECT a.name, p.id, ad.position FROM authored ad JOIN author a ON a.pk = ad.author_pk JOIN paper p ON p.pk = ad.paper_pk
            ORDER BY ad.paper_pk, ad.position, a.name
            """,
        [ExportTable.HasTopic] = """
            SELECT p.id, t.id, h.weight FROM has_topic h JOIN paper p ON p.pk = h.paper_pk JOIN topic t ON t.pk = h.topic_pk
            ORDER BY h.paper_pk, t.id
            """,
        [ExportTable.CoTopic] = """
            SELECT p.id, o.id, c.weight, c.shared, (SELECT json_group_array(coalesce(r.value ->> 'topic', r.value)) FROM json_each(c.reasons) r) FROM co_topic c JOIN paper p ON p.pk = c.paper_pk JOIN paper o ON o.pk = c.other_pk
            ORDER BY c.paper_pk, c.other_pk
            """,
        [ExportTable.CoOccurs] = """
            SELECT a.id, b.id, c.count, c.pmi FROM co_occurs c JOIN topic a ON a.pk = c.topic_a JOIN topic b ON b.pk = c.topic_b
            ORDER BY a.id, b.id
            """,
        [ExportTable.AliasOf] = "SELECT a.alias, t.id FROM topic_alias a JOIN topic t ON t.pk = a.topic_pk ORDER BY a.alias, t.id",
        [ExportTable.InCommunity] = """
            SELECT p.id, CAST(p.community AS TEXT) FROM paper p WHERE p.community IN (SELECT id FROM community) ORDER BY p.pk
            """,
    };

    /// <inheritdoc />
    public async IAsyncEnumerable<object?[]> ReadExportRowsAsync(ExportTable table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var columns = ExportTables.Get(table).Columns;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction: the table is read from one state of the file however long the export takes (WAL).
        await using var tx = connection.BeginTransaction(deferred: true);
        await using var command = tx.Command(ExportQueries[table]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = ExportValue(reader, i, columns[i].Type);
            }

            yield return row;
        }
    }

    private static object? ExportValue(SqliteDataReader reader, int i, ExportValueType type) => reader.IsDBNull(i) ? null : type switch
    {
        ExportValueType.String => reader.GetString(i),
        ExportValueType.Long => reader.GetInt64(i),
        ExportValueType.Double => reader.GetDouble(i),
        ExportValueType.Boolean => reader.GetInt64(i) != 0,
        ExportValueType.StringArray => JsonSerializer.Deserialize<string[]>(reader.GetString(i)) ?? [],
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
