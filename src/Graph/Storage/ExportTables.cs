namespace CiteGraph.Graph.Storage;

/// <summary>The type of an exported value.</summary>
public enum ExportValueType
{
    /// <summary>Text (<see cref="string"/>).</summary>
    String,

    /// <summary>A 64-bit integer (<see cref="long"/>).</summary>
    Long,

    /// <summary>A 64-bit float (<see cref="double"/>).</summary>
    Double,

    /// <summary><see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A list of texts (<see cref="T:string[]"/>).</summary>
    StringArray,
}

/// <summary>One column of an export table: the property name it has in the store's model and its type.</summary>
public sealed record ExportColumn(string Name, ExportValueType Type);

/// <summary>
/// The shape of an export table. A node table's first column is the node's key (its id in its ID space,
/// <see cref="Label"/>); a relationship table's first two columns are the keys of its start node (in the ID space
/// <see cref="StartLabel"/>) and end node (<see cref="EndLabel"/>), the rest its properties.
/// </summary>
/// <param name="Table">Which table.</param>
/// <param name="Label">The node label, or the relationship type.</param>
/// <param name="IsNode">Whether rows are nodes (otherwise relationships).</param>
/// <param name="StartLabel">For a relationship, its start node's label (= ID space).</param>
/// <param name="EndLabel">For a relationship, its end node's label (= ID space).</param>
/// <param name="Columns">The columns, in row order.</param>
/// <param name="KeyIsProperty">
/// For a node, whether the key is also a string property of that name; false when the property has another type and is
/// a column of its own (a community's integer <c>id</c>).
/// </param>
public sealed record ExportTableShape(
    ExportTable Table, string Label, bool IsNode, string? StartLabel, string? EndLabel, IReadOnlyList<ExportColumn> Columns, bool KeyIsProperty = true);

/// <summary>
/// The one list of export tables and their columns: what every store's <see cref="IGraphExportReader"/> returns and what
/// every bulk export writes. Node tables come before the relationships that refer to them.
/// </summary>
public static class ExportTables
{
    private static ExportColumn S(string name) => new(name, ExportValueType.String);

    private static ExportColumn L(string name) => new(name, ExportValueType.Long);

    private static ExportColumn D(string name) => new(name, ExportValueType.Double);

    private static ExportColumn B(string name) => new(name, ExportValueType.Boolean);

    private static ExportColumn A(string name) => new(name, ExportValueType.StringArray);

    private static ExportTableShape Node(ExportTable table, string label, params ExportColumn[] columns) => new(table, label, true, null, null, columns);

    private static ExportTableShape Rel(ExportTable table, string type, string start, string end, params ExportColumn[] columns) =>
        new(table, type, false, start, end, columns);

    /// <summary>Every table, nodes first, in <see cref="ExportTable"/> order.</summary>
    public static IReadOnlyList<ExportTableShape> All { get; } =
    [
        Node(ExportTable.Papers, "Paper", S("id"), L("seq"), S("title"), S("titleKey"), S("abstract"), L("year"), S("published"), L("authorsCount"),
            S("organization"), L("upvotes"), S("arxivId"), S("doi"), B("isStub"), A("keywords"), A("mentions"),
            D("pageRank"), D("betweenness"), L("community"), L("coreNumber"), L("component")),
        Node(ExportTable.Sources, "Source", S("key"), S("paperId"), S("source"), L("line"), S("format"), S("title"), S("abstract"), S("published"),
            L("authorsCount"), S("organization"), L("upvotes"), S("arxivId"), S("doi")),
        Node(ExportTable.ExternalIds, "ExternalId", S("key"), S("kind"), S("value"), S("paperId")),
        Node(ExportTable.Repos, "Repo", S("url"), S("host"), S("owner"), S("name")),
        Node(ExportTable.Links, "Link", S("url")),
        Node(ExportTable.Authors, "Author", S("name")),
        Node(ExportTable.Topics, "Topic", S("id"), S("name"), A("aliases"), L("df"), D("idf")),
        Node(ExportTable.TopicAliases, "TopicAlias", S("alias")),
        new(ExportTable.Communities, "Community", true, null, null, [S("key"), L("id"), L("level"), L("size"), S("label")], KeyIsProperty: false),
        Rel(ExportTable.Cites, "CITES", "Paper", "Paper", S("source"), S("target"), S("kind"), D("confidence"), S("evidence")),
        Rel(ExportTable.FromSource, "FROM_SOURCE", "Paper", "Source", S("paperId"), S("key")),
        Rel(ExportTable.ReferencesRepo, "REFERENCES_REPO", "Paper", "Repo", S("paperId"), S("url"), S("evidence")),
        Rel(ExportTable.LinksTo, "LINKS_TO", "Paper", "Link", S("paperId"), S("url"), S("kind")),
        Rel(ExportTable.Authored, "AUTHORED", "Author", "Paper", S("name"), S("paperId"), L("position")),
        Rel(ExportTable.HasTopic, "HAS_TOPIC", "Paper", "Topic", S("paperId"), S("topicId"), D("weight")),
        Rel(ExportTable.CoTopic, "CO_TOPIC", "Paper", "Paper", S("paperId"), S("otherId"), D("weight"), L("shared"), A("reasons")),
        Rel(ExportTable.CoOccurs, "CO_OCCURS", "Topic", "Topic", S("first"), S("second"), L("count"), D("pmi")),
        Rel(ExportTable.AliasOf, "ALIAS_OF", "TopicAlias", "Topic", S("alias"), S("topicId")),
        Rel(ExportTable.InCommunity, "IN_COMMUNITY", "Paper", "Community", S("paperId"), S("community")),
    ];

    /// <summary>The shape of <paramref name="table"/>.</summary>
    public static ExportTableShape Get(ExportTable table) => All[(int)table];
}
