using System.Runtime.CompilerServices;
using System.Text.Json;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Each export table's statement (<c>cypher/export-NAME.cypher</c>) and whether it pages by a paper's or community's
    /// number (else by a text key). Every statement returns a page of at most <c>$limit</c> anchors after <c>$after</c>,
    /// with <c>pageSize</c> (anchors in the page) and <c>cursor</c> (the anchor's key) beside the table's columns.
    /// </summary>
    private static readonly Dictionary<ExportTable, (string Statement, bool NumericCursor)> ExportStatements = new()
    {
        [ExportTable.Papers] = ("export-papers", true),
        [ExportTable.Sources] = ("export-sources", true),
        [ExportTable.ExternalIds] = ("export-external-ids", false),
        [ExportTable.Repos] = ("export-repos", false),
        [ExportTable.Links] = ("export-links", false),
        [ExportTable.Authors] = ("export-authors", false),
        [ExportTable.Topics] = ("export-topics", false),
        [ExportTable.TopicAliases] = ("export-topic-aliases", false),
        [ExportTable.Communities] = ("export-communities", true),
        [ExportTable.Cites] = ("export-cites", true),
        [ExportTable.FromSource] = ("export-from-source", true),
        [ExportTable.ReferencesRepo] = ("export-references-repo", true),
        [ExportTable.LinksTo] = ("export-links-to", true),
        [ExportTable.Authored] = ("export-authored", true),
        [ExportTable.HasTopic] = ("export-has-topic", true),
        [ExportTable.CoTopic] = ("export-co-topic", true),
        [ExportTable.CoOccurs] = ("export-co-occurs", false),
        [ExportTable.AliasOf] = ("export-alias-of", false),
        [ExportTable.InCommunity] = ("export-in-community", true),
    };

    /// <summary>The export statement of each table (for tests and the Cypher check).</summary>
    internal static string ExportStatementName(ExportTable table) => ExportStatements[table].Statement;

    /// <inheritdoc />
    public async IAsyncEnumerable<object?[]> ReadExportRowsAsync(ExportTable table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (statement, numeric) = ExportStatements[table];
        var columns = ExportTables.Get(table).Columns;
        // Papers and communities are numbered from 1 (or 0); every text key is longer than "".
        object after = numeric ? -1L : "";
        while (true)
        {
            var result = await RunAsync(statement, cancellationToken, ("after", after), ("limit", ReadPageSize)).ConfigureAwait(false);
            if (result.Rows.Count == 0)
            {
                yield break;
            }

            foreach (var row in result.Rows)
            {
                // An anchor without relationships of the table's type comes as a row of nulls: it only moves the cursor.
                if (row.IsNull(columns[0].Name))
                {
                    continue;
                }

                var values = new object?[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ExportValue(row, columns[i]);
                }

                yield return values;
            }

            var last = result.Rows[^1];
            after = numeric ? last.GetInt64("cursor") : last.GetString("cursor");
            if (last.GetInt64("pageSize") < ReadPageSize)
            {
                yield break;
            }
        }
    }

    private static object? ExportValue(Neo4jRow row, ExportColumn column) => row.IsNull(column.Name) ? null : column.Type switch
    {
        ExportValueType.String => row.GetString(column.Name),
        ExportValueType.Long => row.GetInt64(column.Name),
        ExportValueType.Double => row.GetDouble(column.Name),
        ExportValueType.Boolean => row.GetBoolean(column.Name),
        ExportValueType.StringArray => row.GetList(column.Name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
