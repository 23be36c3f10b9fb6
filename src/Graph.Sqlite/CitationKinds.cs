using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// How <c>cites.kind</c> is stored: an integer since schema 23, 0 explicit and 1 inferred (migration 0023: the word was
/// spelled out in every row and in both citation indexes; they order alike). The change feed keeps the words (event data,
/// moved-row markers): SQL that turns a row into an event names its kind with <see cref="NameSql"/>.
/// </summary>
internal static class CitationKinds
{
    /// <summary>The schema from which the kind is an integer (migration 0023).</summary>
    public const int IntegerSchema = 23;

    /// <summary><see cref="CitationKind.Explicit"/> as stored.</summary>
    public const long Explicit = 0;

    /// <summary><see cref="CitationKind.Inferred"/> as stored.</summary>
    public const long Inferred = 1;

    /// <summary>The stored value of a kind.</summary>
    public static long Of(CitationKind kind) => kind == CitationKind.Inferred ? Inferred : Explicit;

    /// <summary>The kind a stored value stands for.</summary>
    public static CitationKind Read(long stored) => stored == Inferred ? CitationKind.Inferred : CitationKind.Explicit;

    /// <summary>SQL naming the kind of the <c>cites</c> row <paramref name="row"/> by its word (<c>'explicit'</c>, <c>'inferred'</c>).</summary>
    public static string NameSql(string row) => $"CASE {row}.kind WHEN 1 THEN 'inferred' ELSE 'explicit' END";

    /// <summary>
    /// SQL for the data of a citation event of the <c>cites</c> row <paramref name="row"/>, as the log has always written it:
    /// null for a plain explicit citation, else its kind by its word, confidence and evidence.
    /// </summary>
    public static string EventDataSql(string row) =>
        $"CASE WHEN {row}.kind = 0 AND {row}.evidence IS NULL THEN NULL " +
        $"ELSE json_object('kind', {NameSql(row)}, 'confidence', {row}.confidence, 'evidence', {row}.evidence) END";
}

/// <summary>
/// The kind as a writer puts it into <c>cites</c> of the file it writes: integers at the current schema, the words on a file
/// left before schema 23 (only tests keep one, to show what a migration does with what an older build wrote).
/// </summary>
internal sealed class CitationKindLiterals
{
    private readonly bool _words;

    private CitationKindLiterals(bool words) => _words = words;

    /// <summary>The kinds at schema 23 and after.</summary>
    public static CitationKindLiterals Current { get; } = new(words: false);

    /// <summary>The kinds of a file at <paramref name="schema"/>.</summary>
    public static CitationKindLiterals ForSchema(int schema) => schema >= CitationKinds.IntegerSchema ? Current : new(words: true);

    /// <summary>Explicit, as a SQL literal.</summary>
    public string Explicit => _words ? "'explicit'" : "0";

    /// <summary>Inferred, as a SQL literal.</summary>
    public string Inferred => _words ? "'inferred'" : "1";

    /// <summary>A kind as a parameter value.</summary>
    public object Value(CitationKind kind) => _words
        ? kind == CitationKind.Inferred ? "inferred" : "explicit"
        : CitationKinds.Of(kind);
}
