using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Formats.OpenCitations;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Formats.OpenCitations;

/// <remarks>
/// Fixtures: <c>refs/coci.csv</c> is the header and the four rows OpenCitations' COCI CSV dump of 2020-12-07 begins
/// with (figshare 6741422 v9, "Crossref Open Citation Index CSV dataset of all the citation data"), as quoted in the
/// refcat notes on COCI (git.bnewbold.net/refcat, python/notes/coci_notes.md). <c>refs/index.csv</c> follows the
/// OpenCitations Index REST API v2 documentation (https://opencitations.net/index/api/v2): the same columns, each end
/// named by space-separated prefixed ids (<c>omid:br/… doi:… pmid:…</c>); its second row names a work by OMID only,
/// its last row is cut short.
/// </remarks>
public class OpenCitationsCsvReaderTests
{
    private static ExternalId Doi(string value) => new(ExternalIdKind.Doi, value);

    [Fact]
    public async Task ReadAsync_CociDump_GroupsTheCitingDoiWithItsFourReferencesDatedByCreation()
    {
        var results = await TestFiles.ReadAllAsync(new OpenCitationsCsvReader(), TestFiles.Fixture("refs/coci.csv"));

        var record = Assert.Single(results).Record!;
        Assert.Equal("10.3846/16111699.2012.705252", record.Doi);
        Assert.Equal(
            [
                Doi("10.1016/j.neucom.2008.07.020"), Doi("10.3846/1611-1699.2008.9.189-198"), Doi("10.1016/j.asieco.2007.02.003"),
                Doi("10.3846/16111699.2011.555388"),
            ],
            record.References);
        Assert.Equal("2012-10-04", record.Published?.ToString());
        Assert.Equal(new SourceRef("Fixtures/refs/coci.csv", 2, OpenCitationsCsvReader.CitationFormat), record.Source);
    }

    [Fact]
    public async Task ReadAsync_IndexCsvWithPrefixedIds_TakesTheDoiOfEachEndAndRejectsRowsWithoutOne()
    {
        var results = await TestFiles.ReadAllAsync(new OpenCitationsCsvReader(), TestFiles.Fixture("refs/index.csv"));

        var record = Assert.Single(results, r => r.Record is not null).Record!;
        Assert.Equal("10.7717/peerj-cs.421", record.Doi);
        Assert.Equal([Doi("10.1108/jd-12-2013-0166"), Doi("10.1371/journal.pgen.1005937")], record.References);
        Assert.Equal(
            [
                "Fixtures/refs/index.csv:3: no DOI for the cited work in 'omid:br/06101234567' (a work OpenCitations names by OMID only: its DOI, if any, is in OpenCitations Meta)",
                "Fixtures/refs/index.csv:5: expected 7 comma-separated fields as the header names, found 2",
            ],
            results.Where(r => r.Rejection is not null).Select(r => r.Rejection!.ToString()));
    }

    [Fact]
    public async Task Detect_OpenCitationsHeader_ChoosesThisReader()
    {
        var (reader, problem) = await FormatDetector.DetectAsync(TestFiles.Fixture("refs/coci.csv"), TestContext.Current.CancellationToken);

        Assert.Null(problem);
        Assert.IsType<OpenCitationsCsvReader>(reader);
    }

    [Fact]
    public async Task Load_CociAfterThePaperWithTheCitingDoi_AttachesItsReferencesAsStubsOutsideTheCounts()
    {
        using var temp = new TempDirectory();
        var papers = temp.Write("papers.jsonl",
            """{"id":"1210.00001","title":"Optimal Portfolios in a Fictional Market","abstract":"A fictional paper whose DOI is the citing DOI of the COCI fixture.","doi":"10.3846/16111699.2012.705252","versions":[],"update_date":"2012-10-04"}""" + "\n");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });

        var report = await new Ingestor(store)
            .LoadAsync([InputFile.FromPath(papers), TestFiles.Fixture("refs/coci.csv")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("opencitations-ids", report.Files[1].Format);
        Assert.Equal(4, report.CitationsAdded);
        Assert.Equal(1, report.PapersInStore);
        Assert.Equal(4, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
        var pairs = await StoreDump.ExplicitCitationsAsync(store.DatabasePath);
        Assert.Equal(4, pairs.Count);
        Assert.All(pairs, p => Assert.StartsWith("1210.00001\t10.", p, StringComparison.Ordinal));
        var paper = await store.FindPaperAsync("10.3846/16111699.2012.705252", TestContext.Current.CancellationToken);
        Assert.Equal("Optimal Portfolios in a Fictional Market", paper!.Title);
    }
}
