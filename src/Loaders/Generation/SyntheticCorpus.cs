using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Loaders.Generation;

/// <summary>
/// A deterministic synthetic corpus for large-graph tests and benchmarks: OpenAlex works as JSON lines (so the ordinary
/// <c>openalex</c> reader loads them), each citing earlier works with a bias toward old ones (a few hubs, a long tail),
/// with titles and abstracts from small vocabularies, some arXiv ids, DOIs and repository links.
/// </summary>
/// <remarks>
/// The pseudo-random sequence is SplitMix64, implemented here, so the output does not depend on the runtime's
/// <see cref="Random"/>. Everything is streamed: memory does not grow with <see cref="GeneratorOptions.Papers"/>.
/// </remarks>
public static class SyntheticCorpus
{
    private static readonly string[] Adjectives =
    [
        "Sparse", "Robust", "Efficient", "Scalable", "Contrastive", "Hierarchical", "Causal", "Multimodal", "Federated",
        "Adaptive", "Probabilistic", "Self-Supervised", "Recurrent", "Graph-Based", "Low-Rank", "Quantized",
    ];

    private static readonly string[] Methods =
    [
        "Transformers", "Diffusion Models", "Mixture of Experts", "State Space Models", "Retrieval", "Distillation",
        "Preference Optimization", "Message Passing", "Tokenizers", "Autoencoders", "Planners", "Reward Models",
    ];

    private static readonly string[] Tasks =
    [
        "Citation Recommendation", "Protein Folding", "Code Generation", "Machine Translation", "Image Segmentation",
        "Question Answering", "Speech Recognition", "Weather Forecasting", "Theorem Proving", "Robot Manipulation",
        "Document Summarization", "Entity Resolution", "Link Prediction", "Anomaly Detection",
    ];

    private static readonly string[] FirstNames =
        ["Ada", "Bo", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya"];

    private static readonly string[] LastNames =
        ["Quill", "Lindqvist", "Wu", "Okafor", "Stone", "Haddad", "Petrov", "Sato", "Novak", "Park", "Mensah", "Moreau", "Silva", "Rao"];

    /// <summary>The year of the first papers.</summary>
    public const int FirstYear = 1995;

    /// <summary>The year of the last papers.</summary>
    public const int LastYear = FirstYear + 29;

    /// <summary>The publication year of paper <paramref name="index"/> of <paramref name="papers"/>: thirty years, evenly.</summary>
    public static int YearOf(int index, int papers) => FirstYear + (int)((long)index * 30 / Math.Max(1, papers));

    /// <summary>The OpenAlex key of generated paper <paramref name="index"/> (0-based).</summary>
    public static string WorkId(int index) => "W" + (1_000_000_000L + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>The corpus as JSON lines, one work per line, in citation order (every reference points to an earlier line).</summary>
    public static IEnumerable<string> Lines(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var buffer = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < options.Papers; i++)
        {
            buffer.ResetWrittenCount();
            WriteWork(buffer, options, i);
            yield return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>
    /// Writes the corpus to <paramref name="path"/> (through a temporary file renamed at the end, so a reader never sees
    /// half a corpus) and returns the number of citations written.
    /// </summary>
    public static async Task<long> WriteAsync(string path, GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var temporary = path + ".part";
        long citations = 0;
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new ArrayBufferWriter<byte>(1 << 16);
            for (var i = 0; i < options.Papers; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                citations += WriteWork(buffer, options, i);
                buffer.Write("\n"u8);
                if (buffer.WrittenCount > 1 << 15)
                {
                    await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }

            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
        return citations;
    }

    /// <summary>Writes work <paramref name="index"/>; returns its number of references.</summary>
    private static int WriteWork(IBufferWriter<byte> output, GeneratorOptions options, int index)
    {
        // Each work has its own generator state: any line can be produced without the ones before it.
        var rng = new SplitMix64(options.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)index);
        var year = YearOf(index, options.Papers);
        var month = 1 + rng.Next(12);
        var day = 1 + rng.Next(28);
        var adjective = Adjectives[rng.Next(Adjectives.Length)];
        var method = Methods[rng.Next(Methods.Length)];
        var task = Tasks[rng.Next(Tasks.Length)];
        var field = options.Planted ? PlantedFields.Of(options, index) : null;
        if (field is not null)
        {
            (method, task) = field.Words(rng);
        }

        var title = $"{adjective} {method} for {task}: Study {index + 1}";
        var abstractText = Abstract(rng, adjective, method, task, index);
        if (options.CoinedTerms)
        {
            var (first, second) = CoinedTerms.Draw(options, index);
            title = $"{adjective} {method} for {task} with the {CoinedTerms.Capitalized(first)}: Study {index + 1}";
            abstractText += $" We introduce the {first} and compare it with the {second}.";
        }

        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("id", "https://openalex.org/" + WorkId(index));
        if (index % 2 == 0)
        {
            json.WriteString("doi", $"https://doi.org/10.5555/synthetic.{index + 1}");
        }
        else
        {
            json.WriteNull("doi");
        }

        json.WriteString("title", title);
        json.WriteString("display_name", title);
        json.WriteNumber("publication_year", year);
        json.WriteString("publication_date", FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}"));
        json.WriteStartObject("primary_location");
        if (index % 3 == 0 && index < 100_000 && year >= 2007)
        {
            json.WriteString("landing_page_url", FormattableString.Invariant($"https://arxiv.org/abs/{year % 100:D2}{month:D2}.{index:D5}"));
        }
        else
        {
            json.WriteString("landing_page_url", $"https://example.org/papers/{index + 1}");
        }

        json.WriteEndObject();
        json.WriteStartArray("authorships");
        var authors = 1 + rng.Next(6);
        for (var a = 0; a < authors; a++)
        {
            json.WriteStartObject();
            json.WriteStartObject("author");
            json.WriteString("display_name", $"{FirstNames[rng.Next(FirstNames.Length)]} {LastNames[rng.Next(LastNames.Length)]}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("referenced_works");
        var references = field is null ? References(rng, index, options.RefsPerPaper) : PlantedFields.References(options, field, rng, index);
        foreach (var target in references)
        {
            json.WriteStringValue("https://openalex.org/" + WorkId(target));
        }

        json.WriteEndArray();
        json.WriteStartObject("abstract_inverted_index");
        foreach (var (word, positions) in InvertedIndex(abstractText))
        {
            json.WriteStartArray(word);
            foreach (var position in positions)
            {
                json.WriteNumberValue(position);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        return references.Count;
    }

    private static string Abstract(SplitMix64 rng, string adjective, string method, string task, int index)
    {
        var sb = new StringBuilder(400);
        sb.Append(CultureInfo.InvariantCulture, $"We study {adjective.ToLowerInvariant()} {method.ToLowerInvariant()} for {task.ToLowerInvariant()}. ");
        sb.Append(CultureInfo.InvariantCulture, $"Our approach improves {Tasks[rng.Next(Tasks.Length)].ToLowerInvariant()} baselines by {1 + rng.Next(40)} points ");
        sb.Append(CultureInfo.InvariantCulture, $"using {Methods[rng.Next(Methods.Length)].ToLowerInvariant()}.");
        if (index % 7 == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Code: https://github.com/synthetic-lab/study-{index + 1}.");
        }

        return sb.ToString();
    }

    /// <summary>Up to <paramref name="count"/> distinct earlier papers, biased toward the oldest.</summary>
    internal static List<int> References(SplitMix64 rng, int index, int count)
    {
        var targets = new List<int>(Math.Min(count, index));
        if (index == 0 || count == 0)
        {
            return targets;
        }

        var wanted = Math.Min(count, index);
        for (var attempt = 0; targets.Count < wanted && attempt < wanted * 8; attempt++)
        {
            // 1 - sqrt(u) has density 2(1 - x): old papers are cited more, so hubs emerge.
            var target = (int)(index * (1 - Math.Sqrt(rng.NextDouble())));
            target = Math.Clamp(target, 0, index - 1);
            if (!targets.Contains(target))
            {
                targets.Add(target);
            }
        }

        targets.Sort();
        return targets;
    }

    private static List<(string Word, List<int> Positions)> InvertedIndex(string text)
    {
        var index = new List<(string Word, List<int> Positions)>();
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (!byWord.TryGetValue(words[i], out var positions))
            {
                byWord[words[i]] = positions = [];
                index.Add((words[i], positions));
            }

            positions.Add(i);
        }

        return index;
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same on every runtime.</summary>
    internal sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
    }
}
