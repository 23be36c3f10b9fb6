namespace CiteGraph.Loaders.Reading;

/// <summary>
/// One input format, declared beside its reader: the names the user may give it, the file extensions it usually has,
/// how its content is recognised and how its reader is built. <see cref="FormatRegistry"/> finds every implementation in
/// the loaders assembly, so a new format is a reader and this registration, with no list to edit.
/// </summary>
public interface IInputFormat
{
    /// <summary>The canonical name (<c>--format</c>, the GraphQL <c>SourceFormat</c> enum as upper snake case): lower case, words joined by <c>-</c>.</summary>
    string Name { get; }

    /// <summary>One sentence for help texts and the GraphQL schema.</summary>
    string Description { get; }

    /// <summary>Other names accepted for <see cref="Name"/> (<c>listing</c> for <c>hf-listing</c>).</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>The extensions files of this format usually carry (<c>.jsonl</c>), for help texts; detection reads content, not names.</summary>
    IReadOnlyList<string> Extensions => [];

    /// <summary>Whether the content is JSON (starts with <c>{</c> or <c>[</c>) or text: only formats of the content's shape are sniffed.</summary>
    InputShape Shape { get; }

    /// <summary>
    /// Where this format comes in lists and in detection: among the formats whose sniffs match as strongly, the lowest is
    /// taken. Matters when two sniffs can match the same content (a node-dates file also looks like an edge list); the
    /// built-in formats use multiples of 10.
    /// </summary>
    int Order { get; }

    /// <summary>How strongly the first bytes of an input look like this format.</summary>
    SniffMatch Sniff(InputHead head);

    /// <summary>A reader for an input of this format (a fresh one per input: readers keep per-input state).</summary>
    IRecordReader Create(InputHead head, ReadOptions options);
}

/// <summary>The shape of an input's content, which decides which formats are sniffed.</summary>
public enum InputShape
{
    /// <summary>Lines of text: listings, CSV, edge lists, metadata blocks.</summary>
    Text,

    /// <summary>JSON, a JSON array or JSON lines.</summary>
    Json,
}

/// <summary>How strongly an input's first bytes look like a format.</summary>
public enum SniffMatch
{
    /// <summary>Not this format.</summary>
    None,

    /// <summary>Could be this format; taken only when no format matches <see cref="Strong"/>.</summary>
    Weak,

    /// <summary>This format's distinctive marks.</summary>
    Strong,
}
