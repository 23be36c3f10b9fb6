using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Suggest;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>
/// A generated corpus whose right suggestions are known by construction, in a real SQLite file: six fields, each with its
/// own made-up vocabulary; per field two foundation papers (2015) and follow-ups, one per month of 2016–2019, every one
/// citing its field's two foundations and nothing else. So a follow-up's references are exactly its field's foundations,
/// which share its key terms and are cited by its most similar earlier papers. One 2019 paper also cites a paper of
/// another field (the trap): a held-out evaluation must not see that citation.
/// </summary>
public sealed class FieldCorpus : IAsyncLifetime
{
    public const int Fields = 6;

    private static readonly string[][] Vocabulary =
    [
        ["zorblax", "quintary", "flembic", "drovane"],
        ["plimsor", "vextral", "gorrant", "skibble"],
        ["troskel", "mirvane", "blentic", "hulgory"],
        ["cadrix", "wembolt", "fyrrant", "quobble"],
        ["snarvel", "poltric", "yandrel", "kestory"],
        ["brumbix", "halvent", "dorquil", "zentary"],
    ];

    private readonly TempDirectory _dir = new();

    public IGraphStore Store { get; private set; } = null!;

    public SuggestionCorpus Corpus { get; private set; } = null!;

    /// <summary>Path of a truth TSV (arXiv ids): every 2019 paper's real references.</summary>
    public string TruthPath => _dir.File("truth.tsv");

    /// <summary>Path of a truth TSV naming, for every 2019 paper, the foundations of the next field instead: nothing finds those.</summary>
    public string WrongTruthPath => _dir.File("wrong.tsv");

    /// <summary>The 2019 paper of field 0 that also cites the trap, and the trap (a foundation of field 3).</summary>
    public static string TrapCiting => Arxiv(0, 2019, 12);

    public static string Trap => Foundation(3, 1);

    public GraphSnapshot Snapshot => Corpus.Snapshot;

    public static string Foundation(int field, int n) => $"1501.{field:00}{n:000}";

    public static string Arxiv(int field, int year, int month) => $"{year % 100:00}{month:00}.{field:00}9{month:02}";

    public int Index(string arxivId) =>
        Snapshot.TryGetIndex(PaperId.For(arxivId, null, ""), out var index) ? index : throw new KeyNotFoundException(arxivId);

    public async ValueTask InitializeAsync()
    {
        Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("fields.db") });
        await Store.InitializeAsync();
        var records = new List<ResolvedRecord>();
        var citations = new List<Citation>();
        var truth = new List<string>();
        var wrong = new List<string>();
        for (var f = 0; f < Fields; f++)
        {
            var w = Vocabulary[f];
            for (var n = 1; n <= 2; n++)
            {
                records.Add(Record(Foundation(f, n), "2015-01-01",
                    $"The {w[0]} {w[1]} principle, part {n}",
                    $"We introduce the {w[0]} {w[1]} and analyse {w[2]} {w[3]} behaviour of {w[0]} systems in depth."));
            }

            for (var year = 2016; year <= 2019; year++)
            {
                for (var month = 1; month <= 12; month += 1)
                {
                    var id = Arxiv(f, year, month);
                    records.Add(Record(id, $"{year}-{month:00}-01",
                        $"Scaling {w[0]} {w[1]} methods, study {year}-{month}",
                        $"Building on {w[0]} {w[1]} we improve {w[2]} {w[3]} estimation for case {year * 100 + month}."));
                    foreach (var cited in new[] { Foundation(f, 1), Foundation(f, 2) })
                    {
                        citations.Add(new Citation(PaperId.For(id, null, ""), PaperId.For(cited, null, ""), CitationKind.Explicit));
                        if (year == 2019)
                        {
                            truth.Add($"{id}\t{cited}");
                        }
                    }

                    if (year == 2019)
                    {
                        wrong.Add($"{id}\t{Foundation((f + 1) % Fields, 1)}");
                    }
                }
            }
        }

        citations.Add(new Citation(PaperId.For(TrapCiting, null, ""), PaperId.For(Trap, null, ""), CitationKind.Explicit));
        await Store.UpsertAsync(records);
        await Store.UpsertCitationsAsync(citations);
        await File.WriteAllLinesAsync(TruthPath, truth);
        await File.WriteAllLinesAsync(WrongTruthPath, wrong);
        var snapshot = await new SnapshotHolder(Store).RebuildAsync();
        Corpus = await SuggestionCorpus.BuildAsync(Store, snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _dir.Dispose();
    }

    private static ResolvedRecord Record(string arxiv, string published, string title, string @abstract) =>
        Some.Resolved(Some.Record(title, arxiv: arxiv, published: published, @abstract: @abstract));
}
