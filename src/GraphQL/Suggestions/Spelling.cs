namespace CiteGraph.GraphQL.Suggestions;

/// <summary>Near-miss matching for hints: case-insensitive edit distance, close enough for a typo, never a guess.</summary>
internal static class Spelling
{
    /// <summary>
    /// The candidate nearest to <paramref name="given"/> within a typo's distance (a third of its length, at least 1), or
    /// null; ties go to the candidate with the larger <paramref name="weight"/> (e.g. the more common word).
    /// </summary>
    public static string? Nearest(string given, IEnumerable<string> candidates, Func<string, int>? weight = null)
    {
        var limit = Math.Max(1, given.Length / 3);
        var upper = given.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestWeight = int.MinValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - given.Length) > limit)
            {
                continue;
            }

            var distance = Distance(upper, candidate.ToUpperInvariant());
            var w = weight?.Invoke(candidate) ?? 0;
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && w > bestWeight)))
            {
                (best, bestDistance, bestWeight) = (candidate, distance, w);
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
