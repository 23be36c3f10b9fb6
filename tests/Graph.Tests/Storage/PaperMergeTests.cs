using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using FsCheck.Xunit;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Tests.Storage;

public class PaperMergeTests
{
    private const string Id = "P0000000000000001";

    [Fact]
    public void Merge_IdOnlySourceWithLongerTitle_KeepsTheRealTitle()
    {
        PaperRecord[] records =
        [
            new() { Title = "cit-HepPh-with-a-long-name:9907233", Source = new SourceRef("cit-HepPh.txt", 1, "edgelist-ids") },
            new() { Title = "Short Title", Source = new SourceRef("papers.jsonl", 3, "arxiv") },
        ];

        Assert.Equal("Short Title", PaperMerge.Merge(Id, records).Title);
    }

    [Fact]
    public void Merge_OnlyIdOnlySources_UsesTheNodeId()
    {
        PaperRecord[] records = [new() { Title = "cora:35", Source = new SourceRef("cora.cites", 2, "cora-cites-ids") }];

        Assert.Equal("cora:35", PaperMerge.Merge(Id, records).Title);
    }

    [Fact]
    public void Explain_ListingAndHfRecord_NamesTheRecordThatGaveEachField()
    {
        var listing = new SourceRef("listing.txt", 13, "hf-listing-c");
        var hf = new SourceRef("paper.json", 1, "hf-json");
        PaperRecord[] records =
        [
            new()
            {
                Title = "Sparse Lanterns Efficient Attention", Abstract = "We present Sparse Lanterns, a long abstract from the listing.",
                Published = new PartialDate(null, 1, 3), AuthorsCount = 4, Organization = "Fictional Lab", Upvotes = 12, Source = listing,
            },
            new()
            {
                Title = "Sparse Lanterns: Efficient Attention", Abstract = "We present Sparse Lanterns.",
                Published = new PartialDate(2025, 1, 2), Upvotes = 44, ArxivId = "2501.00001", Source = hf,
            },
        ];

        var explanation = PaperMerge.Explain(Id, records);

        Assert.Equal(
            [
                new FieldProvenance("title", "Sparse Lanterns: Efficient Attention", hf),
                new FieldProvenance("abstract", "We present Sparse Lanterns, a long abstract from the listing.", listing),
                new FieldProvenance("published", "2025-01-02", hf),
                new FieldProvenance("year", "2025", hf),
                new FieldProvenance("authorsCount", "4", listing),
                new FieldProvenance("organization", "Fictional Lab", listing),
                new FieldProvenance("upvotes", "44", hf),
                new FieldProvenance("arxivId", "2501.00001", hf),
            ],
            explanation.Fields);
        Assert.Null(explanation[PaperFields.Doi]);
    }

    [Fact]
    public void Explain_SameWinningValueFromTwoSources_NamesTheSmallerSourceWhateverTheOrder()
    {
        var first = Some.Record("Light Bridge", file: "a.txt", line: 9, @abstract: "Same abstract.", upvotes: 7);
        var second = Some.Record("Light Bridge", file: "b.txt", line: 1, @abstract: "Same abstract.", upvotes: 7);

        var forward = PaperMerge.Explain(Id, [first, second]);
        var backward = PaperMerge.Explain(Id, [second, first]);

        Assert.Equal(forward, backward);
        Assert.All(forward.Fields, f => Assert.Equal("a.txt:9", f.Source.ToString()));
    }

    [Fact]
    public void Explain_IdOnlySourceWithLongerTitle_NamesTheRealTitlesSource()
    {
        PaperRecord[] records =
        [
            new() { Title = "cit-HepPh-with-a-long-name:9907233", Source = new SourceRef("cit-HepPh.txt", 1, "edgelist-ids") },
            new() { Title = "Short Title", Source = new SourceRef("papers.jsonl", 3, "arxiv") },
        ];

        var title = PaperMerge.Explain(Id, records)[PaperFields.Title];

        Assert.Equal(new FieldProvenance("title", "Short Title", new SourceRef("papers.jsonl", 3, "arxiv")), title);
    }

    [Fact]
    public void Explain_RecordsWithoutOptionalFields_ListsOnlyTheTitle()
    {
        var explanation = PaperMerge.Explain(Id, [Some.Record("Bare", @abstract: null)]);

        Assert.Equal([PaperFields.Title], explanation.Fields.Select(f => f.Field));
    }

    [Property(MaxTest = 300)]
    public bool Merge_equals_the_paper_of_Explain(ulong[] seeds) =>
        seeds.Length == 0 || PaperMerge.Merge(Id, Records(seeds)) == PaperMerge.Explain(Id, Records(seeds)).Paper;

    [Property(MaxTest = 300)]
    public bool Explain_gives_the_same_values_and_sources_in_any_record_order(ulong[] seeds, int shuffle)
    {
        if (seeds.Length == 0)
        {
            return true;
        }

        var records = Records(seeds);
        var shuffled = records.ToArray();
        new Random(shuffle).Shuffle(shuffled);
        return PaperMerge.Explain(Id, records) == PaperMerge.Explain(Id, shuffled)
            && PaperMerge.Merge(Id, records) == PaperMerge.Merge(Id, shuffled);
    }

    [Property(MaxTest = 300)]
    public bool Explain_names_for_each_merged_field_a_record_that_gave_its_value(ulong[] seeds)
    {
        if (seeds.Length == 0)
        {
            return true;
        }

        var records = Records(seeds);
        var explanation = PaperMerge.Explain(Id, records);
        var given = PaperFields.All.Where(f => records.Any(r => !string.IsNullOrWhiteSpace(ValueOf(r, f)))).ToList();
        return explanation.Fields.Select(f => f.Field).SequenceEqual(given)
            && explanation.Fields.All(f => f.Value == ValueOf(explanation.Paper, f.Field)
                && records.Any(r => r.Source == f.Source && ValueOf(r, f.Field) == f.Value));
    }

    [Property(MaxTest = 300)]
    public bool Merge_keeps_the_values_of_the_sorting_merge_it_replaced(ulong[] seeds) =>
        seeds.Length == 0 || PaperMerge.Merge(Id, Records(seeds)) == SortingMerge(Id, Records(seeds));

    /// <summary>Small value pools, so that ties between records (the order-dependence trap) are common.</summary>
    private static PaperRecord[] Records(ulong[] seeds) => seeds.Select(generated =>
    {
        // FsCheck's integers are small; SplitMix64 spreads them over every field.
        var seed = generated + 0x9E3779B97F4A7C15UL;
        seed = (seed ^ (seed >> 30)) * 0xBF58476D1CE4E5B9UL;
        seed = (seed ^ (seed >> 27)) * 0x94D049BB133111EBUL;
        seed ^= seed >> 31;

        T Pick<T>(T[] pool)
        {
            var value = pool[(int)(seed % (ulong)pool.Length)];
            seed /= (ulong)pool.Length;
            return value;
        }

        return new PaperRecord
        {
            Title = Pick(new[] { "Light Bridge", "Light bridge", "Light Bridges", "cora:35", " " }),
            Abstract = Pick(new[] { null, "", "Short.", "A longer one.", "A longer two." }),
            Published = Pick(new[] { null, "2023", "2023-11", "2023-11-21", "2023-11-20", "--11-21", "2024-01-02" }) is { } d
                && PartialDate.TryParse(d, out var date) ? date : null,
            AuthorsCount = Pick(new int?[] { null, 3, 5 }),
            Organization = Pick(new[] { null, "Lab", "Big Lab", "Big Lib" }),
            Upvotes = Pick(new int?[] { null, 2, 7 }),
            ArxivId = Pick(new[] { null, "2101.00001", "2101.00002" }),
            Doi = Pick(new[] { null, "10.1/a", "10.1/b" }),
            Source = new SourceRef(Pick(new[] { "a.txt", "b.txt" }), Pick(new[] { 1, 2, 3 }), Pick(new[] { "test", "edgelist-ids" })),
        };
    }).ToArray();

    private static string? ValueOf(PaperRecord r, string field) => field switch
    {
        PaperFields.Title => r.Title,
        PaperFields.Abstract => r.Abstract,
        PaperFields.Published => r.Published?.ToString(),
        PaperFields.Year => r.Year?.ToString(CultureInfo.InvariantCulture),
        PaperFields.AuthorsCount => r.AuthorsCount?.ToString(CultureInfo.InvariantCulture),
        PaperFields.Organization => r.Organization,
        PaperFields.Upvotes => r.Upvotes?.ToString(CultureInfo.InvariantCulture),
        PaperFields.ArxivId => r.ArxivId,
        PaperFields.Doi => r.Doi,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string? ValueOf(Paper p, string field) => field switch
    {
        PaperFields.Title => p.Title,
        PaperFields.Abstract => p.Abstract,
        PaperFields.Published => p.Published,
        PaperFields.Year => p.Year?.ToString(CultureInfo.InvariantCulture),
        PaperFields.AuthorsCount => p.AuthorsCount?.ToString(CultureInfo.InvariantCulture),
        PaperFields.Organization => p.Organization,
        PaperFields.Upvotes => p.Upvotes?.ToString(CultureInfo.InvariantCulture),
        PaperFields.ArxivId => p.ArxivId,
        PaperFields.Doi => p.Doi,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The merge as it was before provenance (sorting each field's values), kept as the oracle of its semantics.</summary>
    private static Paper SortingMerge(string id, IReadOnlyCollection<PaperRecord> records)
    {
        static string? Longest(IEnumerable<string?> values) => values
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .OrderByDescending(v => v!.Length).ThenBy(v => v, StringComparer.Ordinal)
            .FirstOrDefault();

        var published = records.Where(r => r.Published is not null).Select(r => r.Published!.Value)
            .OrderByDescending(d => d.Completeness).ThenBy(d => d.ToString(), StringComparer.Ordinal)
            .Cast<PartialDate?>().FirstOrDefault();
        return new Paper
        {
            Id = id,
            Title = Longest(records.Where(r => !r.Source.Format.EndsWith(PaperMerge.IdOnlyFormatSuffix, StringComparison.Ordinal)).Select(r => r.Title))
                ?? Longest(records.Select(r => r.Title))!,
            Abstract = Longest(records.Select(r => r.Abstract)),
            Published = published?.ToString(),
            Year = published?.Year ?? records.Select(r => r.Year).Max(),
            AuthorsCount = records.Select(r => r.AuthorsCount).Max(),
            Organization = Longest(records.Select(r => r.Organization)),
            Upvotes = records.Select(r => r.Upvotes).Max(),
            ArxivId = records.Select(r => r.ArxivId).Where(a => a is not null).Order(StringComparer.Ordinal).FirstOrDefault(),
            Doi = records.Select(r => r.Doi).Where(d => d is not null).Order(StringComparer.Ordinal).FirstOrDefault(),
        };
    }
}
