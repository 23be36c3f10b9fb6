using System.Collections.Frozen;

namespace CiteGraph.Loaders.Reading;

/// <summary>
/// The input formats CiteGraph reads: every <see cref="IInputFormat"/> of the loaders assembly (found once, by
/// reflection), plus any a caller adds with <see cref="With"/>. Format detection loops over it, and the command line's
/// <c>--format</c> and the GraphQL <c>SourceFormat</c> enum are generated from it, so the three cannot drift apart.
/// </summary>
public sealed class FormatRegistry
{
    private readonly FrozenDictionary<string, IInputFormat> _byName;

    private FormatRegistry(IEnumerable<IInputFormat> formats)
    {
        // One stable order for detection and for every list shown to users.
        Formats = formats.OrderBy(f => f.Order).ThenBy(f => f.Name, StringComparer.Ordinal).ToArray();
        var byName = new Dictionary<string, IInputFormat>(StringComparer.OrdinalIgnoreCase);
        foreach (var format in Formats)
        {
            foreach (var name in format.Aliases.Prepend(format.Name))
            {
                if (!byName.TryAdd(name, format))
                {
                    throw new InvalidOperationException($"two input formats answer to the name '{name}': {byName[name].Name} and {format.Name}");
                }
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The formats of the loaders assembly.</summary>
    public static FormatRegistry Default { get; } = new(typeof(FormatRegistry).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IInputFormat).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IInputFormat)Activator.CreateInstance(t)!));

    /// <summary>Every format, in detection order (<see cref="IInputFormat.Order"/>).</summary>
    public IReadOnlyList<IInputFormat> Formats { get; }

    /// <summary>The canonical names, in the order of <see cref="Formats"/>.</summary>
    public IReadOnlyList<string> Names => Formats.Select(f => f.Name).ToArray();

    /// <summary>This registry and <paramref name="formats"/> (a format of another assembly, such as a test's).</summary>
    public FormatRegistry With(params IEnumerable<IInputFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        return new FormatRegistry(Formats.Concat(formats));
    }

    /// <summary>The format a name or alias stands for (any case, surrounding blanks ignored), or null.</summary>
    public IInputFormat? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name.Trim());
    }

    /// <summary>Why <paramref name="name"/> names no format: the known names, and the nearest one when it is close.</summary>
    public string UnknownFormat(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nearest = Nearest(name.Trim().ToLowerInvariant());
        return $"unknown format '{name}'; known formats: {string.Join(", ", Names)}" + (nearest is null ? "" : $"; did you mean {nearest}?");
    }

    /// <summary>The canonical name of the name or alias closest to <paramref name="name"/>, when a third of it or less differs.</summary>
    private string? Nearest(string name)
    {
        var best = _byName
            .Select(p => (Format: p.Value.Name, Distance: Distance(name, p.Key.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Format, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Format is not null && best.Distance <= Math.Max(1, name.Length / 3) ? best.Format : null;
    }

    /// <summary>Levenshtein distance (names are a few characters: the quadratic table is nothing).</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
