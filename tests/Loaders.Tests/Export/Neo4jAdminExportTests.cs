using CiteGraph.Graph.Export;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Export;

/// <summary>
/// <c>export --format neo4j-admin</c> on a small store loaded from OpenAlex works whose text is made to trip a CSV
/// writer (commas, quotes, a line break, a keyword with Neo4j's default array delimiter): the exact rows of known papers,
/// and the files held to Neo4j's documented import rules by <see cref="Neo4jAdminImportChecker"/>.
/// </summary>
public sealed class Neo4jAdminExportTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Works = """
        {"id":"https://openalex.org/W901","doi":"https://doi.org/10.5555/quotes","title":"Lanterns, \"Candles\" and Moths","publication_year":2024,"publication_date":"2024-03-05","authorships":[{"author_position":"first","author":{"display_name":"Ada Quill"}},{"author_position":"last","author":{"display_name":"Bo, Jr. Lindqvist"}}],"referenced_works":["https://openalex.org/W902","https://openalex.org/W903"],"abstract_inverted_index":{"First":[0],"line\nsecond":[1],"line;":[2],"code":[3],"https://github.com/fictional-lab/lanterns":[4]},"concepts":[{"display_name":"Attention; sparse","score":0.9},{"display_name":"Moths","score":0.5}]}
        {"id":"https://openalex.org/W902","title":"Dense Candles","publication_year":2023,"referenced_works":[]}
        """;

    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;
    private AdminImportReport _report = null!;
    private Neo4jAdminImportChecker _files = null!;

    public async ValueTask InitializeAsync()
    {
        var works = _dir.File("works.jsonl");
        await File.WriteAllTextAsync(works, Works.ReplaceLineEndings("\n") + "\n", Ct);
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("small.db") });
        await _store.InitializeAsync(Ct);
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(works)], cancellationToken: Ct);
        _report = await AdminImportExport.WriteAsync(_store, _dir.File("out"), cancellationToken: Ct);
        _files = Neo4jAdminImportChecker.Check(_dir.File("out"), keep: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<string> IdOfAsync(string externalId) => (await _store.FindPaperAsync(externalId, Ct))?.Id ?? throw new InvalidOperationException(externalId);

    private IEnumerable<Dictionary<string, object?>> Records(string file) => _files.Records[file];

    [Fact]
    public void The_files_pass_every_documented_import_rule()
    {
        Assert.Empty(_files.Errors);
        Assert.Equal(["Paper.csv", "Source.csv", "ExternalId.csv", "Repo.csv", "Author.csv", "CITES.csv", "FROM_SOURCE.csv", "REFERENCES_REPO.csv", "AUTHORED.csv"],
            _files.Sources.SelectMany(s => s.Data));
        Assert.All(_report.Files, f => Assert.Equal(f.Rows, _files.Rows[f.DataFile]));
        // The loader folds line breaks into spaces, so no field spans lines and the import can read in parallel.
        Assert.False(_report.Multiline);
        Assert.Equal("false", _files.Options["multiline-fields"]);
        Assert.Equal("U+001E", _files.Options["array-delimiter"]);
    }

    [Fact]
    public async Task A_paper_row_holds_its_merged_values_with_quotes_commas_and_arrays_intact()
    {
        var id = await IdOfAsync("10.5555/quotes");
        var paper = Records("Paper.csv").Single(r => (string?)r["id"] == id);
        Assert.Equal("Lanterns, \"Candles\" and Moths", paper["title"]);
        Assert.Equal("First line second line; code https://github.com/fictional-lab/lanterns", paper["abstract"]);
        Assert.Equal("2024", paper["year"]);
        Assert.Equal("2024-03-05", paper["published"]);
        Assert.Equal("10.5555/quotes", paper["doi"]);
        Assert.Equal("false", paper["isStub"]);
        Assert.Equal(["Attention; sparse", "Moths"], (string[])paper["keywords"]!);
        Assert.Equal("Paper", paper[":LABEL"]);
        // Never analyzed: no scores, written as absent properties rather than as zeros or empty strings.
        Assert.Null(paper["pageRank"]);
        Assert.Null(paper["community"]);
    }

    [Fact]
    public async Task Explicit_citations_reach_the_loaded_paper_and_the_stub_with_their_source_as_evidence()
    {
        var (citing, cited) = (await IdOfAsync("10.5555/quotes"), await IdOfAsync("https://openalex.org/W902"));
        var stubRow = Records("Paper.csv").Single(r => (string?)r["isStub"] == "true");
        var cites = Records("CITES.csv").Where(r => (string?)r[":START_ID"] == citing).ToList();
        Assert.Equal(2, cites.Count);
        Assert.All(cites, c =>
        {
            Assert.Equal("explicit", c["kind"]);
            Assert.Equal("1", c["confidence"]);
            Assert.Equal("CITES", c[":TYPE"]);
            Assert.EndsWith("works.jsonl:1", (string?)c["evidence"], StringComparison.Ordinal);
        });
        Assert.Contains(cites, c => (string?)c[":END_ID"] == cited);
        Assert.Contains(cites, c => (string?)c[":END_ID"] == (string?)stubRow["id"]);
    }

    [Fact]
    public async Task Authors_repositories_and_external_ids_come_with_their_properties()
    {
        var id = await IdOfAsync("10.5555/quotes");
        var authored = Records("AUTHORED.csv").Where(r => (string?)r[":END_ID"] == id).ToList();
        Assert.Equal(["Ada Quill", "Bo, Jr. Lindqvist"], authored.OrderBy(a => long.Parse((string)a["position"]!, System.Globalization.CultureInfo.InvariantCulture)).Select(a => (string?)a[":START_ID"]));
        var repo = Assert.Single(Records("REFERENCES_REPO.csv"), r => (string?)r[":START_ID"] == id);
        Assert.Equal("https://github.com/fictional-lab/lanterns", repo[":END_ID"]);
        var repoNode = Assert.Single(Records("Repo.csv"));
        Assert.Equal(("github.com", "fictional-lab", "lanterns"), ((string?)repoNode["host"], (string?)repoNode["owner"], (string?)repoNode["name"]));
        Assert.Contains(Records("ExternalId.csv"), e => (string?)e["key"] == "Doi:10.5555/quotes" && (string?)e["paperId"] == id);
        var header = await File.ReadAllTextAsync(_dir.File("out/Paper.header.csv"), Ct);
        Assert.StartsWith("id:ID(Paper),seq:long,title:string,", header, StringComparison.Ordinal);
        Assert.EndsWith("keywords:string[],mentions:string[],pageRank:double,betweenness:double,community:long,coreNumber:long,component:long,:LABEL\n", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_with_line_breaks_quotes_and_the_array_delimiter_round_trips_and_turns_on_multiline_fields()
    {
        // No loaded text keeps a line break, so this one comes from a reader of one row.
        var row = new object?[ExportTables.Get(ExportTable.Authors).Columns.Count];
        row[0] = "  \"Line one\"\r\nline two, \u001E  ";
        var dir = _dir.File("multiline");
        var report = await AdminImportExport.WriteAsync(new OneAuthor(row), dir, cancellationToken: Ct);

        var files = Neo4jAdminImportChecker.Check(dir, keep: true);
        Assert.Empty(files.Errors);
        Assert.True(report.Multiline);
        Assert.Equal("true", files.Options["multiline-fields"]);
        Assert.Equal(row[0], Assert.Single(files.Records["Author.csv"])["name"]);
    }

    /// <summary>A store whose only row is one author.</summary>
    private sealed class OneAuthor(object?[] row) : IGraphExportReader
    {
        public async IAsyncEnumerable<object?[]> ReadExportRowsAsync(ExportTable table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (table == ExportTable.Authors)
            {
                yield return row;
            }
        }
    }

    [Fact]
    public async Task The_checker_rejects_files_that_break_the_rules()
    {
        // The checker is only worth its pass if it fails: break a copy of the export four ways.
        var broken = _dir.File("broken");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(_dir.File("out")))
        {
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        }

        var authorsPath = Path.Combine(broken, "Author.csv");
        var authors = await File.ReadAllTextAsync(authorsPath, Ct);
        await File.WriteAllTextAsync(authorsPath, authors + "Ada Quill,Author\nBad \"quote,Author\n", Ct);
        await File.AppendAllTextAsync(Path.Combine(broken, "CITES.csv"), "PNOPE,PNOPE2,explicit,1,,CITES\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(broken, "Repo.header.csv"), "url:ID(Repo),host:text,owner,name,:LABEL\n", Ct);
        await File.AppendAllTextAsync(Path.Combine(broken, "AUTHORED.csv"), "Ada Quill,x,notanumber,AUTHORED\n", Ct);

        var errors = Neo4jAdminImportChecker.Check(broken).Errors;
        Assert.Contains(errors, e => e.Contains("duplicate id 'Ada Quill'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("a quote inside an unquoted field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("START_ID 'PNOPE' is no node id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown type 'text'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'position' = 'notanumber' is not a long", StringComparison.Ordinal));
    }
}
