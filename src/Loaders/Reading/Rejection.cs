namespace CiteGraph.Loaders.Reading;

/// <summary>A record (or a whole input) that could not be loaded, with where and why.</summary>
public sealed record Rejection(string Source, int Line, string Reason)
{
    /// <summary><c>file:line: reason</c>, the form compilers use, so editors can jump to it.</summary>
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}
