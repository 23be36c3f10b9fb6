using System.Globalization;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// A sum of regression trees over a vector of inputs (the form LambdaMART, gradient-boosted trees for ranking, fits),
/// evaluated here so that serving needs no machine-learning library: only fitting does (bench/tools/suggest-ltr.cs).
/// </summary>
/// <remarks>
/// Text form, one tree per line after a first line <c>bias B</c>:
/// <c>tree WEIGHT | FEATURE:THRESHOLD:LEFT:RIGHT ; … | LEAF LEAF …</c>. A node goes left when its input is ≤ the
/// threshold; a child ≥ 0 is a node, a child &lt; 0 is the leaf ~child (ML.NET's FastTree convention).
/// </remarks>
public sealed class TreeEnsemble
{
    private readonly double _bias;
    private readonly Tree[] _trees;

    private TreeEnsemble(double bias, Tree[] trees, int inputs)
    {
        _bias = bias;
        _trees = trees;
        Inputs = inputs;
    }

    /// <summary>The length of the input vector (one more than the largest input index any split reads).</summary>
    public int Inputs { get; }

    /// <summary>Number of trees.</summary>
    public int Count => _trees.Length;

    /// <summary>An ensemble from its trees: per tree its weight, split inputs, thresholds, children and leaf values.</summary>
    public static TreeEnsemble From(double bias, IEnumerable<(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var built = trees.Select(t => new Tree(t.Weight, t.Feature, t.Threshold, t.Left, t.Right, t.Leaves)).ToArray();
        foreach (var tree in built)
        {
            tree.Validate();
        }

        return new TreeEnsemble(bias, built, built.Length == 0 ? 0 : built.Max(t => t.Feature.Length == 0 ? 0 : t.Feature.Max() + 1));
    }

    /// <summary>The ensemble's score of one input vector.</summary>
    public double Score(ReadOnlySpan<float> inputs)
    {
        if (inputs.Length < Inputs)
        {
            throw new ArgumentException($"The ensemble reads {Inputs} inputs, got {inputs.Length}.", nameof(inputs));
        }

        var score = _bias;
        foreach (var tree in _trees)
        {
            score += tree.Weight * tree.Leaf(inputs);
        }

        return score;
    }

    /// <summary>Writes the text form (see the remarks on <see cref="TreeEnsemble"/>).</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bias {_bias:R}"));
        foreach (var t in _trees)
        {
            var nodes = string.Join(" ; ", t.Feature.Select((f, i) => string.Create(CultureInfo.InvariantCulture, $"{f}:{t.Threshold[i]:R}:{t.Left[i]}:{t.Right[i]}")));
            var leaves = string.Join(' ', t.Leaves.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tree {t.Weight:R} | {nodes} | {leaves}"));
        }
    }

    /// <summary>Reads the text form; a malformed line is an error naming <paramref name="source"/> and the line.</summary>
    public static TreeEnsemble Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        double bias = 0;
        var trees = new List<(double, int[], float[], int[], int[], double[])>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                if (line.StartsWith("bias ", StringComparison.Ordinal))
                {
                    bias = double.Parse(line.AsSpan(5), CultureInfo.InvariantCulture);
                    continue;
                }

                var parts = line.Split('|', StringSplitOptions.TrimEntries);
                if (parts.Length != 3 || !parts[0].StartsWith("tree ", StringComparison.Ordinal))
                {
                    throw new FormatException("expected 'tree WEIGHT | NODES | LEAVES'");
                }

                var nodes = parts[1].Length == 0 ? [] : parts[1].Split(';', StringSplitOptions.TrimEntries).Select(n => n.Split(':')).ToArray();
                if (nodes.Any(n => n.Length != 4))
                {
                    throw new FormatException("a node is FEATURE:THRESHOLD:LEFT:RIGHT");
                }

                trees.Add((
                    double.Parse(parts[0].AsSpan(5), CultureInfo.InvariantCulture),
                    nodes.Select(n => int.Parse(n[0], CultureInfo.InvariantCulture)).ToArray(),
                    nodes.Select(n => float.Parse(n[1], CultureInfo.InvariantCulture)).ToArray(),
                    nodes.Select(n => int.Parse(n[2], CultureInfo.InvariantCulture)).ToArray(),
                    nodes.Select(n => int.Parse(n[3], CultureInfo.InvariantCulture)).ToArray(),
                    parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new FormatException($"{source}:{number}: {e.Message}", e);
            }
        }

        try
        {
            return From(bias, trees);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }
    }

    private sealed record Tree(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)
    {
        public double Leaf(ReadOnlySpan<float> inputs)
        {
            if (Feature.Length == 0)
            {
                return Leaves[0];
            }

            var node = 0;
            while (node >= 0)
            {
                node = inputs[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            }

            return Leaves[~node];
        }

        public void Validate()
        {
            var n = Feature.Length;
            if (Threshold.Length != n || Left.Length != n || Right.Length != n || Leaves.Length != n + 1 || Feature.Any(f => f < 0)
                || Enumerable.Range(0, n).Any(i => Bad(i, Left[i]) || Bad(i, Right[i])))
            {
                throw new FormatException($"a tree of {n} nodes needs {n} thresholds and children, {n + 1} leaves, and children that name them (a node's child node after it)");
            }

            bool Bad(int node, int child) => child >= 0 ? child <= node || child >= n : ~child >= Leaves.Length;
        }
    }
}
