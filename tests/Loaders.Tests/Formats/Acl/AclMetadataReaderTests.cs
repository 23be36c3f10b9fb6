using CiteGraph.Tests;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Formats.Acl;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Formats.Acl;

public class AclMetadataReaderTests
{
    [Fact]
    public async Task ReadAsync_Blocks_DecodeWindows1252AndHtmlEntities()
    {
        var results = await TestFiles.ReadAllAsync(new AclMetadataReader(), TestFiles.Fixture("acl/acl-metadata.txt"));

        var records = results.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        Assert.Equal(4, records.Count);
        Assert.Equal(["Alexander M. Rush", "David Sontag"], records[0].Authors);
        Assert.Equal(new ExternalId(ExternalIdKind.EdgeList, "acl:D10-1001"), Assert.Single(records[0].ExternalIds));
        Assert.Equal(2010, records[0].Year);
        Assert.Equal("Latest Developments in ELRA\u2019s Services", records[1].Title);
        Assert.Equal(["Brian Plüss"], records[1].Authors);
        Assert.Empty(records[2].Authors);
        var rejections = results.Where(r => r.Rejection is not null).Select(r => r.Rejection!).ToList();
        Assert.Equal([25, 26], rejections.Select(r => r.Line));
        Assert.Contains("X99-0000 has no title", rejections[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SameTitleDifferentIds_StayTwoPapers()
    {
        using var temp = new TempDirectory();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });

        var report = await Loading.LoadAndDeriveAsync(store, [TestFiles.Fixture("acl/acl-metadata.txt")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("acl", Assert.Single(report.Files).Format);
        Assert.Equal(4, report.PapersInStore);
    }

    [Fact]
    public async Task DetectAsync_AclMetadata_ChoosesTheAclReader()
    {
        var (reader, _) = await FormatDetector.DetectAsync(TestFiles.Fixture("acl/acl-metadata.txt"), TestContext.Current.CancellationToken);

        Assert.IsType<AclMetadataReader>(reader);
    }
}
