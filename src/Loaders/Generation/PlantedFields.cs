namespace CiteGraph.Loaders.Generation;

/// <summary>
/// The fields <see cref="GeneratorOptions.BornYear"/> and <see cref="GeneratorOptions.MergeYear"/> plant, so a timeline
/// has something known to find. With planting on, every paper belongs to a field, computed from its index alone (any line
/// can still be written without the ones before it): four background fields citing mostly themselves; from the born year,
/// 16% of the papers in a new field citing only itself; until the merge year, 12% in each of two parent fields; from the
/// merge year, those 24% in the merged field, citing its own earlier papers (60%) and both parents (20% each).
/// Each field has words of its own, so its labels tell it apart.
/// </summary>
internal static class PlantedFields
{
    private static readonly PlantedField[] Background =
    [
        new(0, ["Transformers", "Diffusion Models", "Mixture of Experts"], ["Citation Recommendation", "Protein Folding", "Code Generation"]),
        new(1, ["State Space Models", "Retrieval", "Distillation"], ["Machine Translation", "Image Segmentation", "Question Answering"]),
        new(2, ["Preference Optimization", "Message Passing", "Tokenizers"], ["Speech Recognition", "Weather Forecasting", "Theorem Proving"]),
        new(3, ["Autoencoders", "Planners", "Reward Models"], ["Robot Manipulation", "Document Summarization", "Link Prediction"]),
    ];

    /// <summary>The field born in <see cref="GeneratorOptions.BornYear"/>.</summary>
    public static PlantedField Born { get; } = new(4, ["Quantum Annealers", "Ising Samplers"], ["Combinatorial Scheduling", "Portfolio Optimization"]);

    /// <summary>The first parent of the merge.</summary>
    public static PlantedField ParentA { get; } = new(5, ["Spiking Networks", "Neuromorphic Chips"], ["Event Cameras", "Gesture Sensing"]);

    /// <summary>The second parent of the merge.</summary>
    public static PlantedField ParentB { get; } = new(6, ["Optical Interconnects", "Photonic Circuits"], ["Signal Routing", "Waveguide Design"]);

    /// <summary>The field the parents merge into in <see cref="GeneratorOptions.MergeYear"/>.</summary>
    public static PlantedField Merged { get; } = new(7, ["Photonic Spiking Networks", "Optoelectronic Neurons"], ["Event Cameras", "Signal Routing"]);

    /// <summary>The field of paper <paramref name="index"/>.</summary>
    public static PlantedField Of(GeneratorOptions options, int index)
    {
        var rng = new SyntheticCorpus.SplitMix64((options.Seed * 0xD1B54A32D192ED03UL) ^ (ulong)index ^ 0x5EED_F1E1DUL);
        var u = rng.NextDouble();
        var year = SyntheticCorpus.YearOf(index, options.Papers);
        if (options.MergeYear is { } merge && u < 0.24)
        {
            return year >= merge ? Merged : u < 0.12 ? ParentA : ParentB;
        }

        if (options.BornYear is { } born && year >= born && u is >= 0.24 and < 0.40)
        {
            return Born;
        }

        return Background[rng.Next(Background.Length)];
    }

    /// <summary>Up to <see cref="GeneratorOptions.RefsPerPaper"/> distinct earlier papers, drawn field by field as the class says.</summary>
    public static List<int> References(GeneratorOptions options, PlantedField field, SyntheticCorpus.SplitMix64 rng, int index)
    {
        var targets = new List<int>(options.RefsPerPaper);
        for (var attempt = 0; targets.Count < options.RefsPerPaper && attempt < options.RefsPerPaper * 8; attempt++)
        {
            var u = rng.NextDouble();
            var cited = field.Id switch
            {
                < 4 => u < 0.9 ? field : Background[rng.Next(Background.Length)],
                5 or 6 => u < 0.95 ? field : Background[rng.Next(Background.Length)],
                7 => u < 0.6 ? Merged : u < 0.8 ? ParentA : ParentB,
                _ => field,
            };
            var (lo, hi) = Range(options, cited, index);
            if (lo >= hi)
            {
                continue;
            }

            // 1 - sqrt(u) has density 2(1 - x): older papers of the field are cited more, so it has hubs.
            var start = lo + (int)((hi - lo) * (1 - Math.Sqrt(rng.NextDouble())));
            if (Find(options, cited, Math.Clamp(start, lo, hi - 1), lo, hi) is { } target && !targets.Contains(target))
            {
                targets.Add(target);
            }
        }

        targets.Sort();
        return targets;
    }

    /// <summary>The indexes before <paramref name="index"/> where papers of <paramref name="field"/> can be.</summary>
    private static (int Lo, int Hi) Range(GeneratorOptions options, PlantedField field, int index)
    {
        var lo = 0;
        var hi = index;
        if (field == Born)
        {
            lo = FirstIndex(options.BornYear!.Value, options.Papers);
        }
        else if (field == Merged)
        {
            lo = FirstIndex(options.MergeYear!.Value, options.Papers);
        }
        else if (field == ParentA || field == ParentB)
        {
            hi = Math.Min(index, FirstIndex(options.MergeYear!.Value, options.Papers));
        }

        return (lo, hi);
    }

    /// <summary>The paper of <paramref name="field"/> nearest below <paramref name="start"/> (else above it), within the range.</summary>
    private static int? Find(GeneratorOptions options, PlantedField field, int start, int lo, int hi)
    {
        const int MaxScan = 4_000;
        for (var j = start; j >= lo && start - j < MaxScan; j--)
        {
            if (Of(options, j) == field)
            {
                return j;
            }
        }

        for (var j = start + 1; j < hi && j - start < MaxScan; j++)
        {
            if (Of(options, j) == field)
            {
                return j;
            }
        }

        return null;
    }

    /// <summary>The first paper index of <paramref name="year"/>.</summary>
    private static int FirstIndex(int year, int papers) => (int)((((long)(year - SyntheticCorpus.FirstYear) * papers) + 29) / 30);
}

/// <summary>A planted field: its number and the words its titles are made of.</summary>
internal sealed record PlantedField(int Id, string[] Methods, string[] Tasks)
{
    /// <summary>A method and a task of the field.</summary>
    public (string Method, string Task) Words(SyntheticCorpus.SplitMix64 rng) => (Methods[rng.Next(Methods.Length)], Tasks[rng.Next(Tasks.Length)]);
}
