using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Listings;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Listings;

public sealed class ListingReaderTests
{
    private const string Abstract1 = "We study something important with a method that is new, and we show that it works well on three benchmarks.";
    private const string Abstract2 = "A second paragraph that is clearly an abstract, because it is long and it ends with a full stop as abstracts do.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(List<PaperRecord> Records, List<Rejection> Rejections, ListingLayout Layout)> ReadAsync(string text)
    {
        var reader = new ListingReader();
        var input = new InputFile("listing.txt", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
        var records = new List<PaperRecord>();
        var rejections = new List<Rejection>();
        await foreach (var r in reader.ReadAsync(input, Ct))
        {
            if (r.Record is not null)
            {
                records.Add(r.Record);
            }
            else
            {
                rejections.Add(r.Rejection!);
            }
        }

        return (records, rejections, reader.Layout);
    }

    [Fact]
    public async Task Layout_A_reads_alternating_lines_and_a_title_glued_to_the_header()
    {
        var (records, rejections, layout) = await ReadAsync(
            $"new\nGet trending papers in your email inbox!\nSubscribeFirst Paper Title\n{Abstract1}\nSecond Paper Title\n{Abstract2}\n");
        Assert.Empty(rejections);
        Assert.Equal(ListingLayout.A, layout);
        Assert.Equal(["First Paper Title", "Second Paper Title"], records.Select(r => r.Title));
        Assert.Equal([Abstract1, Abstract2], records.Select(r => r.Abstract));
        Assert.Equal([3, 5], records.Select(r => r.Source.Line));
        Assert.All(records, r => Assert.Equal("hf-listing-a", r.Source.Format));
    }

    [Fact]
    public async Task Layout_B_skips_the_header_block_and_the_listing_date()
    {
        var (records, rejections, layout) = await ReadAsync(
            $"new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nAug 6\n\nFirst Paper\n\n{Abstract1}\n\nSecond Paper\n\n{Abstract2}\n");
        Assert.Empty(rejections);
        Assert.Equal(ListingLayout.B, layout);
        Assert.Equal(["First Paper", "Second Paper"], records.Select(r => r.Title));
        Assert.All(records, r => Assert.Null(r.Published));
    }

    [Fact]
    public async Task Layout_C_reads_authors_organization_dates_without_inventing_years_and_upvotes()
    {
        var text = $"""
            Daily Papers

            byAK and the research community

            Apr 14

            With Year

            {Abstract1}

              • 3 authors
            ·
            Aug 28, 2025 3

            Without Year

            {Abstract2}

              • Northwind Lab
            ·
            Apr 12 1

            No Date

            {Abstract1}

              • 1 authors
            ·
            """;
        var (records, rejections, layout) = await ReadAsync(text);
        Assert.Empty(rejections);
        Assert.Equal(ListingLayout.C, layout);
        Assert.Equal(3, records.Count);
        Assert.Equal(("2025-08-28", 2025, 3, 3), (records[0].Published.ToString(), records[0].Year, records[0].AuthorsCount, records[0].Upvotes));
        Assert.Equal(("--04-12", (int?)null, "Northwind Lab", 1), (records[1].Published.ToString(), records[1].Year, records[1].Organization, records[1].Upvotes));
        Assert.Equal((1, (PartialDate?)null), (records[2].AuthorsCount, records[2].Published));
    }

    [Fact]
    public async Task Concatenated_pages_each_with_a_header_read_as_one_listing()
    {
        var page = $"new\n\nSubscribe\n\nDaily Papers\n\nNov 21\n\n{{0}}\n\n{Abstract1}\n\n  • 2 authors\n·\nJan 9, 2025\n\n";
        var (records, rejections, _) = await ReadAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, "Page One Paper") +
            string.Format(System.Globalization.CultureInfo.InvariantCulture, page, "Page Two Paper"));
        Assert.Empty(rejections);
        Assert.Equal(["Page One Paper", "Page Two Paper"], records.Select(r => r.Title));
    }

    [Fact]
    public async Task A_title_without_abstract_is_rejected_with_its_line_and_the_next_entries_still_load()
    {
        var (records, rejections, _) = await ReadAsync(
            $"Daily Papers\n\nSubscribe\n\nGood One\n\n{Abstract1}\n\n  • 2 authors\n·\nJan 9, 2025\n\nOrphan Title\n\n  • 3 authors\n·\nJan 9, 2025\n\nGood Two\n\n{Abstract2}\n");
        Assert.Equal(["Good One", "Good Two"], records.Select(r => r.Title));
        var rejection = Assert.Single(rejections);
        Assert.Equal(13, rejection.Line);
        Assert.Contains("title without abstract", rejection.Reason, StringComparison.Ordinal);
        Assert.StartsWith("listing.txt:13: ", rejection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_C_organization_written_without_its_bullet_stays_with_its_paper_with_date_and_upvotes()
    {
        var (records, rejections, layout) = await ReadAsync(
            $"Daily Papers\n\nSubscribe\n\nFirst Paper\n\n{Abstract1}\n\nstanfordnlp Stanford NLP\n·\nDec 7, 2021 12\n\n" +
            $"Second Paper\n\n{Abstract2}\n\n  • 4 authors\n·\nNov 21 3\n\nThird Paper\n\n{Abstract1}\n\nopenbmb OpenBMB\n\n·\nJan 9, 2025\n");
        Assert.Empty(rejections);
        Assert.Equal(ListingLayout.C, layout);
        Assert.Equal(["First Paper", "Second Paper", "Third Paper"], records.Select(r => r.Title));
        Assert.Equal(("stanfordnlp Stanford NLP", "2021-12-07", (int?)12), (records[0].Organization, records[0].Published.ToString(), records[0].Upvotes));
        Assert.Equal(((string?)null, (int?)4, (int?)3), (records[1].Organization, records[1].AuthorsCount, records[1].Upvotes));
        Assert.Equal(("openbmb OpenBMB", "2025-01-09"), (records[2].Organization, records[2].Published.ToString()));
    }

    [Fact]
    public async Task A_title_right_after_an_abstract_is_still_a_title_in_layouts_A_and_B()
    {
        var a = await ReadAsync($"Subscribe\nDaily Papers\nFirst\n{Abstract1}\nSecond\n{Abstract2}\nLast Title Without Abstract\n");
        Assert.Equal(["First", "Second"], a.Records.Select(r => r.Title));
        Assert.Equal(ListingLayout.A, a.Layout);
        Assert.Contains("file ends", Assert.Single(a.Rejections).Reason, StringComparison.Ordinal);

        var b = await ReadAsync($"Daily Papers\n\nSubscribe\n\nFirst\n\n{Abstract1}\n\nSecond\n\n{Abstract2}\n");
        Assert.Equal(["First", "Second"], b.Records.Select(r => r.Title));
        Assert.Equal(ListingLayout.B, b.Layout);
        Assert.All(b.Records, r => Assert.Null(r.Organization));
    }

    [Fact]
    public async Task A_truncated_last_entry_is_rejected_and_earlier_entries_kept()
    {
        var (records, rejections, _) = await ReadAsync($"Daily Papers\n\nSubscribe\n\nGood One\n\n{Abstract1}\n\nCut Off Title\n");
        Assert.Equal("Good One", Assert.Single(records).Title);
        Assert.Contains("file ends", Assert.Single(rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_bytes_inside_a_listing_are_reported_once_per_run_with_their_line()
    {
        var (records, rejections, _) = await ReadAsync($"Daily Papers\n\nSubscribe\n\nGood One\n\n{Abstract1}\n\n\u0001\u0002\u0003garbage\n\u0004more\n\nGood Two\n\n{Abstract2}\n");
        Assert.Equal(["Good One", "Good Two"], records.Select(r => r.Title));
        Assert.Equal(9, Assert.Single(rejections).Line);
    }

    [Fact]
    public async Task Extracts_repositories_links_and_identifiers_from_the_abstract()
    {
        var (records, _, _) = await ReadAsync(
            "Daily Papers\n\nSubscribe\n\nLinked Paper\n\nWe build on arXiv:2001.08361 and doi:10.5555/demo.2024.017. Code at https://github.com/quillai/Sparse-Lattice-Attention.git. and weights at https://huggingface.co/orchid-ml/weaver-7b.\n");
        var record = Assert.Single(records);
        Assert.Equal("https://github.com/quillai/sparse-lattice-attention", Assert.Single(record.Repos).Repo.Url);
        Assert.Equal(new WebLink("https://huggingface.co/orchid-ml/weaver-7b", LinkKind.ModelHub), Assert.Single(record.Links));
        Assert.Contains(new ExternalId(ExternalIdKind.Arxiv, "2001.08361"), record.Mentions);
        Assert.Contains(new ExternalId(ExternalIdKind.Doi, "10.5555/demo.2024.017"), record.Mentions);
    }

    [Fact]
    public async Task Reads_the_real_daily_listing_in_layout_B()
    {
        var path = SharedData.Require("seeds/listing-daily-b.txt");
        var reader = new ListingReader();
        var records = new List<PaperRecord>();
        await foreach (var r in reader.ReadAsync(InputFile.FromPath(path), Ct))
        {
            Assert.Null(r.Rejection);
            records.Add(r.Record!);
        }

        Assert.Equal(ListingLayout.B, reader.Layout);
        Assert.Equal(69, records.Count);
        Assert.Equal("Optimal Horizon-Free Reward-Free Exploration for Linear Mixture MDPs", records[0].Title);
        Assert.Equal("Light Schrödinger Bridge", records.Single(r => r.Title.StartsWith("Light", StringComparison.Ordinal)).Title);
        Assert.Contains(records, r => r.Repos.Any(l => l.Repo.Url == "https://github.com/fiveai/lame"));
    }

    [Fact]
    public async Task Reads_the_real_search_listing_in_layout_C_with_dates_upvotes_and_authors()
    {
        var path = SharedData.Require("seeds/listing-search-c.txt");
        var reader = new ListingReader();
        var records = new List<PaperRecord>();
        await foreach (var r in reader.ReadAsync(InputFile.FromPath(path), Ct))
        {
            Assert.Null(r.Rejection);
            records.Add(r.Record!);
        }

        Assert.Equal(ListingLayout.C, reader.Layout);
        Assert.Equal(37, records.Count);
        var first = records[0];
        Assert.Equal(("2021-12-07", 3), (first.Published.ToString(), first.AuthorsCount));
        var noYear = records.Single(r => r.Title.StartsWith("Playing Along", StringComparison.Ordinal));
        Assert.Equal(("--04-12", (int?)null, 1), (noYear.Published.ToString(), noYear.Year, noYear.Upvotes));
        Assert.Equal(17, records.Single(r => r.Title.StartsWith("MLGym", StringComparison.Ordinal)).AuthorsCount);
        Assert.Contains(records, r => r.Repos.Any(l => l.Repo.Url == "https://github.com/chauncygu/safe-reinforcement-learning-baselines"));
    }
}
