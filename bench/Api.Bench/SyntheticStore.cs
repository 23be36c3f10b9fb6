using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Bench.Api;

/// <summary>
/// Writes a deterministic synthetic citation graph straight into a CiteGraph SQLite file: N papers with titles and short
/// abstracts, each citing K earlier papers chosen by preferential attachment (half the time the target of a random
/// earlier citation, half the time a uniform earlier paper), every 20th paper referencing one of N/50 repositories.
/// </summary>
internal static class SyntheticStore
{
    private static readonly string[] Words =
    [
        "sparse", "attention", "diffusion", "graph", "retrieval", "alignment", "preference", "lattice", "kernel", "transformer",
        "bayesian", "causal", "reinforcement", "policy", "contrastive", "vision", "language", "protein", "molecule", "tabular",
    ];

    public static async Task CreateAsync(string path, int papers, int refs, int seed, Action<string> log)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }

        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await store.InitializeAsync();
        }

        var random = new Random(seed);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;";
            await pragma.ExecuteNonQueryAsync();
        }

        var targets = new List<int>(papers * refs);
        const int batch = 50_000;
        for (var start = 0; start < papers; start += batch)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var paper = connection.CreateCommand();
            paper.Transaction = tx;
            paper.CommandText = "INSERT INTO paper (pk, id, title, title_key, abstract, year, published) VALUES ($pk, $id, $t, $k, $a, $y, $p);";
            var (pk, id, t, k, a, y, p) = (paper.Parameters.Add("$pk", SqliteType.Integer), paper.Parameters.Add("$id", SqliteType.Text),
                paper.Parameters.Add("$t", SqliteType.Text), paper.Parameters.Add("$k", SqliteType.Text), paper.Parameters.Add("$a", SqliteType.Text),
                paper.Parameters.Add("$y", SqliteType.Integer), paper.Parameters.Add("$p", SqliteType.Text));
            await using var cite = connection.CreateCommand();
            cite.Transaction = tx;
            cite.CommandText = "INSERT OR IGNORE INTO cites (src_pk, dst_pk, kind, confidence) VALUES ($s, $d, 'explicit', 1.0);";
            var (s, d) = (cite.Parameters.Add("$s", SqliteType.Integer), cite.Parameters.Add("$d", SqliteType.Integer));
            await using var repo = connection.CreateCommand();
            repo.Transaction = tx;
            repo.CommandText = "INSERT OR IGNORE INTO repo (pk, url, host, owner, name) VALUES ($r, $u, 'github.com', 'bench', $n); INSERT OR IGNORE INTO paper_repo (paper_pk, repo_pk, evidence) VALUES ($pk2, $r, $u);";
            var (r, u, n, pk2) = (repo.Parameters.Add("$r", SqliteType.Integer), repo.Parameters.Add("$u", SqliteType.Text),
                repo.Parameters.Add("$n", SqliteType.Text), repo.Parameters.Add("$pk2", SqliteType.Integer));
            for (var i = start; i < Math.Min(papers, start + batch); i++)
            {
                var title = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)])) + " " + i.ToString(CultureInfo.InvariantCulture);
                var year = 1990 + (int)(35L * i / papers);
                pk.Value = i + 1;
                id.Value = PaperId.For(null, null, "bench " + i.ToString(CultureInfo.InvariantCulture));
                t.Value = title;
                k.Value = title;
                a.Value = "We study " + title + " and show it works.";
                y.Value = year;
                p.Value = year.ToString(CultureInfo.InvariantCulture);
                await paper.ExecuteNonQueryAsync();
                for (var j = 0; j < refs && i > 0; j++)
                {
                    var target = targets.Count > 0 && random.Next(2) == 0 ? targets[random.Next(targets.Count)] : random.Next(i);
                    s.Value = i + 1;
                    d.Value = target + 1;
                    await cite.ExecuteNonQueryAsync();
                    targets.Add(target);
                }

                if (i % 20 == 0)
                {
                    var repoIndex = random.Next(Math.Max(1, papers / 50));
                    r.Value = repoIndex + 1;
                    u.Value = "https://github.com/bench/r" + repoIndex.ToString(CultureInfo.InvariantCulture);
                    n.Value = "r" + repoIndex.ToString(CultureInfo.InvariantCulture);
                    pk2.Value = i + 1;
                    await repo.ExecuteNonQueryAsync();
                }
            }

            await tx.CommitAsync();
            log($"generated {Math.Min(papers, start + batch):N0} / {papers:N0} papers");
        }
    }
}
