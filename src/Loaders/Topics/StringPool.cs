namespace CiteGraph.Loaders.Topics;

/// <summary>
/// One instance of each distinct string for the lifetime of a pass (acronyms, authors' last names): what the pass holds
/// for every paper repeats a small vocabulary, and each paper's copy would otherwise be a string of its own. Unlike
/// <see cref="string.Intern"/> the pool goes when the pass does. Not thread-safe.
/// </summary>
public sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    /// <summary>Distinct strings held.</summary>
    public int Count => _strings.Count;

    /// <summary>The pool's instance equal to <paramref name="value"/> (added when new).</summary>
    public string Get(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_strings.TryGetValue(value, out var pooled))
        {
            _strings.Add(value);
            pooled = value;
        }

        return pooled;
    }
}
