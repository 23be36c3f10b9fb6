#:project ../../src/Graph/Graph.csproj
#:project ../../src/Graph.Sqlite/Graph.Sqlite.csproj
#:property PublishAot=false
// Judges candidate suggestion signals forward in time before any is built into the engine (issue 15, branch suggest10):
// the weights are fitted (coordinate search on recall@10, as SuggestionWeightFit does) on the rolling lists of 2012–2017
// (each paper seeing the citations made before its year, and a second list before the year before) and judged on the
// 2018–2019 papers with the graph before 2018; and, beside it, 2-fold cross-validated by paper on 2018–2019 (the folds
// of eval-suggest --cv-folds 2). Nothing of 2020 on is read. Each feature set is main's served set before suggest10 plus
// the columns named: an engine feature (+GraphWalk, as served since suggest10) or an extra column computed here from the
// same candidates (SuggestionEngine.Candidates, the same pool):
//   walk-out, walk-both, walk-both23: a walk with restart over the visible citation graph seeded by the paper's nearest
//     papers by meaning and by key terms (each seed weighted by its similarity cubed); out = only towards what a paper
//     cites, both = also towards the papers citing it; mass at steps 1–3 (23: steps 2–3 only), restart 0.5 per step.
//   sqrt-*: the square root of a scaled graph feature (a concave vote: a second similar paper's vote counts less).
//   z-*: a text feature as per-paper z-score over the pool instead of the share of the best candidate's.
//   rank-*: 1 / (60 + rank) under one feature (reciprocal-rank fusion's term, but weighted by the fit).
// Branch suggest11 added (each judged beside the served GraphWalk; bench/RESULTS.md):
//   sem2, sem3, sem4, sem6, sem8, key2, key3, semexp10: a monotone transform of a scaled feature (a power, exp(10 (s − 1))).
//   semmm, semmm2, semmm4: semantic min-max over the candidates that have it (the weakest 0, the best 1), to a power.
//   key-x-sem, sem-x-cbs, sem-x-walk, key-x-walk: products of two scaled features (an "and" a weighted sum cannot say).
//   citer-max: the best cosine between the paper and a visible paper citing the candidate; refs-mean: the mean cosine
//     between the paper and what the candidate cites.
//   bm25, bm25-title3: Okapi BM25 (k1 1.2, b 0.75) of the paper's title and abstract terms against the candidate's, its
//     title terms counted once or three times.
//   seed-cocited, seed-coupled: co-citation with, and coupling with, the walk's seeds (its step 2 split by path).
//   sem-young, key-young, cbs-young-gap: a text feature of a candidate no visible paper cites yet.
// Session 15 added followers*, nbr-pop*, item-bias and ib*/ibx* (bench/RESULTS.md); session 16:
//   name-uses, name-uses-young: log(1 + later papers before the paper writing a name the candidate coined), from
//     --name-uses FILE (bench/tools/name_uses.py); -young only for candidates no visible paper cites.
//   gq-cbs, gq-walk, gq-sem, gq-key: graph features times the paper's graph cover (the share of its nearest earlier papers
//     whose references are visible), text features times one minus it.
// Session 17: hub:K:L, hub-all:K:L: Semantic corrected for hubness (CSLS): cos − L × the candidate's mean cosine with its K
//   nearest papers of the paper's month or earlier (hub-all: every paper), clipped at 0.
// Session 18: prf-cocit:N, prf-coup:N, prf-sem:N, prf-walk:10: ties to the base ranking's best N candidates (pseudo-relevance
//   feedback in the graph: normalised co-citation, coupling, mean cosine, GraphWalk's walk seeded by them); filled after every list is built.
// Each set after the first is also compared with the first paper by paper (mean difference of recall@10 ± its standard
// error), forward and in CV; --alone COL,… measures columns alone on the 2018–2019 papers (no fit); --fold-seed N
// shuffles them before the 2-fold split (other folds than eval-suggest's).
// usage: dotnet run -c Release bench/tools/suggest-forward.cs -- DB TRUTH.tsv [--walks "both:50:0.5:3:1;…"] [--alone COL,…] [--fold-seed N] [--name-uses FILE] [SET …]
//   (SET: +walk-both,+sqrt-cited-by-similar,-Semantic …; '' = the served set alone; -X leaves X out; a --walks column is named walk:SPEC)
using System.Globalization;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Suggest;

const int K = 10;
const int Seeds = 50;
const float Restart = 0.5f;
await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = args[0] });
await store.InitializeAsync();
var snapshot = await new SnapshotHolder(store).RebuildAsync();
var corpus = await SuggestionCorpus.BuildAsync(store, snapshot);
var truth = await SuggestionTruth.ReadAsync(store, snapshot, args[1]);
var rest = args[2..].ToList();
// Walk variants as extra columns "walk:MODE:SEEDS:RESTART:POWER:FIRST" (MODE out or both; FIRST the first step counted), ';'-separated.
var wi = rest.IndexOf("--walks");
var walkSpecs = wi >= 0 ? rest[wi + 1].Split(';').ToList() : [];
if (wi >= 0)
{
    rest.RemoveRange(wi, 2);
}

var ai = rest.IndexOf("--alone");
var aloneColumns = ai >= 0 ? rest[ai + 1].Split(',').ToList() : [];
if (ai >= 0)
{
    rest.RemoveRange(ai, 2);
}

// --fold-seed N: the 2018–2019 papers shuffled (seeded) before the 2-fold split, so that a CV gain can be checked on other folds.
var si = rest.IndexOf("--fold-seed");
var foldSeed = si >= 0 ? int.Parse(rest[si + 1], CultureInfo.InvariantCulture) : (int?)null;
if (si >= 0)
{
    rest.RemoveRange(si, 2);
}

// --name-uses FILE: JSON {title: [[[year, month], …] per coined name]} (session 16's name-uses columns; empty without it).
var ni = rest.IndexOf("--name-uses");
var nameUseMonths = new Dictionary<string, List<List<(int Year, int Month)>>>(StringComparer.Ordinal);
if (ni >= 0)
{
    using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(rest[ni + 1]));
    foreach (var paperUses in json.RootElement.EnumerateObject())
    {
        nameUseMonths[System.Text.RegularExpressions.Regex.Replace(paperUses.Name, @"\s+", " ").Trim()] = [.. paperUses.Value.EnumerateArray().Select(u => u.EnumerateArray().Select(m => (m[0].GetInt32(), m[1].GetInt32())).ToList())];
    }

    rest.RemoveRange(ni, 2);
}

// --late-before N: the 2018–2019 papers see the citations made before N instead of 2018 (2017: the graph lags them by
// one to two years, as it lags the evaluated 2021–2022 papers).
var lbi = rest.IndexOf("--late-before");
var lateBefore = lbi >= 0 ? int.Parse(rest[lbi + 1], CultureInfo.InvariantCulture) : 2018;
if (lbi >= 0)
{
    rest.RemoveRange(lbi, 2);
}

var sets = rest.Count > 0 ? rest.ToArray() : [""];

var featureCount = Enum.GetValues<SuggestionFeature>().Length;
string[] extraNames = [.. walkSpecs.Select(w => "walk:" + w), "walk-out", "walk-both", "walk-both23", "sqrt-cited-by-similar", "sqrt-co-citation", "sqrt-coupling", "z-key-terms", "z-semantic", "rank-key-terms", "rank-semantic", "rank-cited-by-similar",
    "sem2", "sem4", "key2", "key-x-sem", "sem-x-cbs", "sem-x-walk", "key-x-walk", "citer-max", "refs-mean", "bm25", "bm25-title3", "seed-cocited", "seed-coupled",
    "sem3", "sem6", "sem8", "semmm", "semmm2", "semmm4", "key3", "semexp10",
    "sem-young", "key-young", "cbs-young-gap",
    "followers", "log-followers", "followers-lag", "followers-q", "nbr-pop", "nbr-pop-young", "name-uses", "name-uses-young", "gq-cbs", "gq-walk", "gq-sem", "gq-key", "hub:100:0.25", "hub:200:0.25", "hub:200:0.35", "hub-all:200:0.25", "hub-all:200:0.35", "item-bias", "ib:1:10", "ib:5:10", "ib:2:20", "ib:2:5", "ib-log:2:10", "ibx:1", "ibx:2", "ibx:5", "ibx-log:2", "ibx-log:5", "ibx-loo:2",
    "prf-cocit:5", "prf-cocit:10", "prf-cocit:20", "prf-coup:5", "prf-coup:10", "prf-sem:5", "prf-sem:10", "prf-walk:10"];
var columns = Enum.GetValues<SuggestionFeature>().Select(f => f.ToString()).Concat(extraNames).ToArray();
SuggestionFeature[] served = [SuggestionFeature.KeyTerms, SuggestionFeature.Semantic, SuggestionFeature.CoTopic, SuggestionFeature.CitedBySimilar,
    SuggestionFeature.Popularity, SuggestionFeature.CoCitation, SuggestionFeature.Coupling, SuggestionFeature.DirectCitation, SuggestionFeature.Recency];
var computed = SuggestionWeights.From(Enum.GetValues<SuggestionFeature>()
    .Where(f => f is not (SuggestionFeature.CitationSemantic or SuggestionFeature.TermAssociation)).ToDictionary(f => f, _ => 1.0));

var bm25 = await Bm25Index.BuildAsync(store, snapshot);
// Each paper's 800 nearest by meaning, best first, in one scan: the hub columns read them all (session 17: how close a
// paper is to many papers), the followers columns the first 100 (session 15).
var hubNeighbours = new IReadOnlyList<(int Paper, float Similarity)>[corpus.Snapshot.PaperCount];
Parallel.For(0, hubNeighbours.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p => hubNeighbours[p] = corpus.Semantic?.Nearest(p, 800) ?? []);
var neighbours = Array.ConvertAll(hubNeighbours, n => (IReadOnlyList<(int Paper, float Similarity)>)[.. n.Take(100)]);
var late = SuggestionEvaluation.Citing(corpus, truth, new YearRange(2018, 2019)).Select(p => (p, lateBefore)).ToList();
var early = SuggestionEvaluation.Citing(corpus, truth, new YearRange(2012, 2017))
    .SelectMany(p => new[] { (p, corpus.Months[p].Year!.Value), (p, corpus.Months[p].Year!.Value - 1) }).ToList();
var started = DateTime.UtcNow;
var lateLists = Lists(late);
if (foldSeed is { } seed)
{
    var random = new Random(seed);
    lateLists = [.. lateLists.OrderBy(_ => random.Next())];
}

var earlyLists = Lists(early).Where(l => l.Rows.Any(r => l.Known.Contains(r.Paper))).ToArray(); // a list with no reference in its pool teaches nothing
Console.WriteLine($"{earlyLists.Length} early lists (2012-2017), {lateLists.Length} late (2018-2019, graph before 2018); candidates in {(DateTime.UtcNow - started).TotalSeconds:0} s");

// GraphWalk (the engine's, as served) must equal walk-both23 (this tool's, judged first): checked on every row.
var (g, b23) = ((int)SuggestionFeature.GraphWalk, featureCount + Array.IndexOf(extraNames, "walk-both23"));
var differ = lateLists.Concat(earlyLists).SelectMany(l => l.Rows).Count(r => Math.Abs(r.X[g] - r.X[b23]) > 1e-5);
Console.WriteLine($"rows where the engine's GraphWalk differs from walk-both23: {differ}");

// The base ranking of the columns filled after the lists are built (item-bias, prf-*): the served set with GraphWalk,
// fitted forward on the early lists.
var servedAllowed = served.Select(f => (int)f).Append((int)SuggestionFeature.GraphWalk).ToArray();
var (baseW, _) = FitOn(earlyLists, servedAllowed);

// Session 15, item-bias: how often each candidate was really cited against how often a base ranking put it in the top 10,
// over the earlier papers' lists (each paper of a year before the list's graph year, seeing the citations before its year):
// a per-item correction learned from the graph's own past (a classic cited more than it is suggested gains, a paper
// suggested everywhere but rarely cited loses). Base ranking: the served set fitted forward on the early lists.
{
    var cal = Lists(SuggestionEvaluation.Citing(corpus, truth, new YearRange(2007, 2017)).Select(p => (p, corpus.Months[p].Year!.Value)).ToList());
    var calLists = cal.Select(l => (Year: corpus.Months[l.Citing].Year!.Value, Ranked: RankedOf(l, baseW), l.Known)).ToArray();
    foreach (var spec in new[] { "item-bias", "ib:1:10", "ib:5:10", "ib:2:20", "ib:2:5", "ib-log:2:10", "ibx:1", "ibx:2", "ibx:5", "ibx-log:2", "ibx-log:5", "ibx-loo:2" })
    {
        var parts = spec.Split(':');
        if (parts[0].StartsWith("ibx", StringComparison.Ordinal))
        {
            // Expected citations from the rank: P(cited | rank r) pooled over the calibration lists of the same graph year.
            var ax = double.Parse(parts[1], CultureInfo.InvariantCulture);
            var logx = parts[0] == "ibx-log";
            var cacheX = new Dictionary<int, Dictionary<int, float>>();
            var columnX = Column(spec);
            foreach (var l in lateLists.Concat(earlyLists))
            {
                if (!cacheX.TryGetValue(l.Before, out var bias))
                {
                    var usable = calLists.Where(c => c.Year < l.Before).ToArray();
                    var pAt = PlaceShares(usable);
                    var cited = new Dictionary<int, double>();
                    var expected = new Dictionary<int, double>();
                    foreach (var c in usable)
                    {
                        foreach (var k in c.Known)
                        {
                            cited[k] = cited.GetValueOrDefault(k) + 1;
                        }

                        for (var r = 0; r < c.Ranked.Length; r++)
                        {
                            expected[c.Ranked[r]] = expected.GetValueOrDefault(c.Ranked[r]) + pAt[r];
                        }
                    }

                    bias = cited.Keys.Union(expected.Keys).ToDictionary(k => k, k =>
                    {
                        var ratio = (cited.GetValueOrDefault(k) + ax) / (expected.GetValueOrDefault(k) + ax);
                        return logx ? (float)Math.Clamp(0.5 + (Math.Log(ratio) / 6), 0, 1) : (float)(ratio / (1 + ratio));
                    });
                    cacheX[l.Before] = bias;
                }

                foreach (var r in l.Rows)
                {
                    r.X[columnX] = bias.TryGetValue(r.Paper, out var b) ? b : 0.5f;
                }
            }

            if (parts[0] == "ibx-loo")
            {
                // Diagnostic only (not a judgement): the late lists' bias from the past AND the other late lists, own list left out.
                var usable = calLists.Where(c => c.Year < 2018).Concat(lateLists.Select(l => (Year: 2018, Ranked: RankedOf(l, baseW), l.Known))).ToArray();
                var pAt = PlaceShares(usable);
                var cited = new Dictionary<int, double>();
                var expected = new Dictionary<int, double>();
                void Add((int Year, int[] Ranked, IReadOnlySet<int> Known) c, int sign)
                {
                    foreach (var k in c.Known)
                    {
                        cited[k] = cited.GetValueOrDefault(k) + sign;
                    }

                    for (var r = 0; r < c.Ranked.Length; r++)
                    {
                        expected[c.Ranked[r]] = expected.GetValueOrDefault(c.Ranked[r]) + (sign * pAt[r]);
                    }
                }

                foreach (var c in usable)
                {
                    Add(c, 1);
                }

                foreach (var l in lateLists)
                {
                    var own = (Year: 2018, Ranked: RankedOf(l, baseW), l.Known);
                    Add(own, -1);
                    foreach (var r in l.Rows)
                    {
                        var ratio = (cited.GetValueOrDefault(r.Paper) + ax) / (Math.Max(0, expected.GetValueOrDefault(r.Paper)) + ax);
                        r.X[columnX] = (float)(ratio / (1 + ratio));
                    }

                    Add(own, 1);
                }
            }

            continue;
        }

        var a = parts.Length > 1 ? double.Parse(parts[1], CultureInfo.InvariantCulture) : 2;
        var top = parts.Length > 1 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 10;
        var log = parts[0] == "ib-log";
        var biasCache = new Dictionary<int, Dictionary<int, float>>();
        var biasColumn = Column(spec);
        foreach (var l in lateLists.Concat(earlyLists))
        {
            if (!biasCache.TryGetValue(l.Before, out var bias))
            {
                var cited = new Dictionary<int, int>();
                var suggested = new Dictionary<int, int>();
                foreach (var c in calLists.Where(c => c.Year < l.Before))
                {
                    foreach (var k in c.Known)
                    {
                        cited[k] = cited.GetValueOrDefault(k) + 1;
                    }

                    foreach (var t in c.Ranked.Take(top))
                    {
                        suggested[t] = suggested.GetValueOrDefault(t) + 1;
                    }
                }

                var rate = (double)cited.Values.Sum() / Math.Max(1, suggested.Values.Sum());
                bias = cited.Keys.Union(suggested.Keys).ToDictionary(k => k, k =>
                {
                    var ratio = (cited.GetValueOrDefault(k) + a) / ((rate * suggested.GetValueOrDefault(k)) + a);
                    return log ? (float)Math.Clamp(0.5 + (Math.Log(ratio) / 6), 0, 1) : (float)(ratio / (1 + ratio));
                });
                biasCache[l.Before] = bias;
            }

            foreach (var r in l.Rows)
            {
                r.X[biasColumn] = bias.TryGetValue(r.Paper, out var b) ? b : 0.5f;
            }
        }
    }

    Console.WriteLine($"item-bias: {cal.Length} calibration lists; base [{Show(baseW)}]");
}

// Session 18, prf-*: feedback from the paper's own likely references. The base ranking (the served set fitted forward on
// the early lists) puts its best N candidates first; a reference list is cohesive, so what the visible graph co-cites with
// them (prf-cocit: Σ over the N of visible papers citing both / √(citers of each)), what shares references with them
// (prf-coup: the same over references, both visible as citing), what is close to them by meaning (prf-sem: mean cosine)
// or two steps away from them in the visible graph (prf-walk: GraphWalk's walk seeded by the N, mass at steps 2–3)
// may be cited too. Each scaled per list (its best 1); a candidate among the N is not its own seed.
{
    var citations = corpus.Snapshot.Citations;
    Parallel.ForEach(lateLists.Concat(earlyLists), new ParallelOptions { MaxDegreeOfParallelism = 2 }, l =>
    {
        var month = corpus.Months[l.Citing];
        bool Visible(int citing) => corpus.Months[citing].IsStrictlyBefore(month) && corpus.Months[citing].Year < l.Before;
        int Citers(int n) => VisibleCitersOf(n, Visible);

        var ranked = RankedOf(l, baseW);
        foreach (var n in new[] { 5, 10, 20 })
        {
            var seeds = ranked.Take(n).ToArray();
            var cocit = new Dictionary<int, float>();
            foreach (var s in seeds)
            {
                var cs = Citers(s);
                if (cs == 0)
                {
                    continue;
                }

                var shared = new Dictionary<int, int>();
                foreach (var citing in citations.InNeighbors(s))
                {
                    if (Visible(citing))
                    {
                        foreach (var c in citations.OutNeighbors(citing))
                        {
                            if (c != s)
                            {
                                shared[c] = shared.GetValueOrDefault(c) + 1;
                            }
                        }
                    }
                }

                foreach (var (c, k) in shared)
                {
                    cocit[c] = cocit.GetValueOrDefault(c) + (k / MathF.Sqrt(cs * Math.Max(1, Citers(c))));
                }
            }

            Fill(l, "prf-cocit:" + n, cocit);
            if (n > 10)
            {
                continue;
            }

            var coup = new Dictionary<int, float>();
            foreach (var s in seeds.Where(Visible))
            {
                var outS = citations.OutDegree(s);
                if (outS == 0)
                {
                    continue;
                }

                var shared = new Dictionary<int, int>();
                foreach (var cited in citations.OutNeighbors(s))
                {
                    foreach (var c in citations.InNeighbors(cited))
                    {
                        if (c != s && Visible(c))
                        {
                            shared[c] = shared.GetValueOrDefault(c) + 1;
                        }
                    }
                }

                foreach (var (c, k) in shared)
                {
                    coup[c] = coup.GetValueOrDefault(c) + (k / MathF.Sqrt(outS * Math.Max(1, citations.OutDegree(c))));
                }
            }

            Fill(l, "prf-coup:" + n, coup);
            var sem = new Dictionary<int, float>();
            foreach (var r in l.Rows)
            {
                var sum = 0f;
                foreach (var s in seeds)
                {
                    sum += s == r.Paper ? 0 : Math.Max(0, corpus.Semantic?.Similarity(s, r.Paper) ?? 0);
                }

                sem[r.Paper] = sum / seeds.Length;
            }

            Fill(l, "prf-sem:" + n, sem);
            if (n == 10)
            {
                // Steps 2–3 from the seeds (equal mass) over the visible citations, both directions, half passed on per step.
                Fill(l, "prf-walk:10", WalkOver(Visible, seeds.ToDictionary(s => s, _ => 1f / seeds.Length), both: true, firstStep: 2, restart: 0.5f));
            }
        }
    });
}

void Fill(List l, string name, Dictionary<int, float> raw)
{
    var column = Column(name);
    var max = l.Rows.Select(r => raw.GetValueOrDefault(r.Paper)).DefaultIfEmpty(0).Max();
    foreach (var r in l.Rows)
    {
        r.X[column] = max > 0 ? raw.GetValueOrDefault(r.Paper) / max : 0;
    }
}

// --dump FILE: every late list's known references with their rank under the served weights and their features (error analysis).
var di = rest.IndexOf("--dump");
if (di >= 0)
{
    var servedW = new double[columns.Length];
    foreach (var f in Enum.GetValues<SuggestionFeature>())
    {
        servedW[(int)f] = SuggestionWeights.Fitted[f];
    }

    using var dump = new StreamWriter(rest[di + 1]);
    dump.WriteLine("citing_month\tcandidate_month\tciting_title\tcandidate_title\tciting\tcandidate\tknown\trank\tscore\t" + string.Join('\t', columns));
    foreach (var l in lateLists.Concat(earlyLists))
    {
        var ranked = l.Rows.Select(r => (r, Score: servedW.Select((w, i) => w * r.X[i]).Sum())).OrderByDescending(x => x.Score).ThenBy(x => x.r.Paper).ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            var (r, score) = ranked[i];
            if (i < 20 || l.Known.Contains(r.Paper))
            {
                dump.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpus.Months[l.Citing]}\t{corpus.Months[r.Paper]}\t{corpus.Titles[l.Citing]}\t{corpus.Titles[r.Paper]}\t{l.Citing}\t{r.Paper}\t{(l.Known.Contains(r.Paper) ? 1 : 0)}\t{i + 1}\t{score:0.####}\t{string.Join('\t', r.X.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)))}"));
            }
        }

        foreach (var k in l.Known.Where(k => l.Rows.All(r => r.Paper != k)))
        {
            dump.WriteLine($"{corpus.Months[l.Citing]}\t{corpus.Months[k]}\t{corpus.Titles[l.Citing]}\t{corpus.Titles[k]}\t{l.Citing}\t{k}\t1\t-1\t0");
        }
    }

    rest.RemoveRange(di, 2);
    Console.WriteLine("dumped");
    return 0;
}

// Each column alone on the late papers (no fit): which lexical signal is stronger by itself.
foreach (var alone in aloneColumns)
{
    var w = new double[columns.Length];
    w[Column(alone)] = 1;
    var (r, m) = Measure(lateLists, w);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alone {alone}: late recall@10 {r:0.0000} MRR {m:0.0000}"));
}

// Per late paper, the forward and the CV recall@10 of each set: the first set is the reference the others are compared
// with, paper by paper (mean difference ± its standard error), so that a gain can be told from noise.
var perPaper = new List<(string Set, double[] Forward, double[] Cv)>();
foreach (var set in sets)
{
    var tokens = set.Split(',', StringSplitOptions.RemoveEmptyEntries);
    // bag:N: the weights are the mean of N fits on bootstrap samples of the lists (each fit's weights scaled to sum 1).
    var bag = tokens.Where(t => t.StartsWith("bag:", StringComparison.Ordinal)).Select(t => int.Parse(t[4..], CultureInfo.InvariantCulture)).FirstOrDefault();
    // with-early (session 16): each CV fold's weights are fitted on the other fold and the early rolling lists together.
    var withEarly = tokens.Contains("with-early");
    var parts = tokens.Where(t => !t.StartsWith("bag:", StringComparison.Ordinal) && t != "with-early").ToArray();
    (double[] Weights, (double, double) Score) Fit(IReadOnlyList<List> lists, int[] allowed) => bag > 0 ? (BagFit(lists, allowed, bag), default) : FitOn(lists, allowed);
    var removed = parts.Where(x => x.StartsWith('-')).Select(x => Column(x.TrimStart('-'))).ToHashSet();
    var allowed = served.Select(f => (int)f).Concat(parts.Where(x => !x.StartsWith('-')).Select(Column)).Where(c => !removed.Contains(c)).ToArray();
    var (forwardWeights, _) = Fit(earlyLists, allowed);
    var forward = Measure(lateLists, forwardWeights);
    var forwardPer = PerPaper(lateLists, forwardWeights);
    var cvPer = new double[lateLists.Length];
    double cvRecall = 0, cvMrr = 0;
    var foldWeights = new List<double[]>();
    for (var fold = 0; fold < 2; fold++)
    {
        var f = fold;
        var (w, _) = Fit([.. lateLists.Where((_, i) => i % 2 != f), .. withEarly ? earlyLists : []], allowed);
        var heldOut = lateLists.Where((_, i) => i % 2 == f).ToArray();
        var heldOutPer = PerPaper(heldOut, w);
        for (var i = 0; i < heldOut.Length; i++)
        {
            cvPer[(i * 2) + f] = heldOutPer[i];
        }

        var (r, m) = Measure(heldOut, w);
        cvRecall += r * heldOut.Length;
        cvMrr += m * heldOut.Length;
        foldWeights.Add(w);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"served{set}: forward recall@10 {forward.Recall:0.0000} MRR {forward.Mrr:0.0000} [{Show(forwardWeights)}]; 2-fold CV recall@10 {cvRecall / lateLists.Length:0.0000} MRR {cvMrr / lateLists.Length:0.0000} [{string.Join(" | ", foldWeights.Select(Show))}]"));
    perPaper.Add((set, forwardPer, cvPer));
    if (perPaper.Count > 1)
    {
        var reference = perPaper[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  vs served{reference.Set}, paper by paper: forward {Paired(forwardPer, reference.Forward)}; CV {Paired(cvPer, reference.Cv)}"));
    }
}

static string Paired(double[] a, double[] b)
{
    var d = a.Zip(b, (x, y) => x - y).ToArray();
    var mean = d.Average();
    var se = Math.Sqrt(d.Select(x => (x - mean) * (x - mean)).Sum() / (d.Length - 1) / d.Length);
    return string.Create(CultureInfo.InvariantCulture, $"{mean:+0.0000;-0.0000} ± {se:0.0000} (better on {d.Count(x => x > 0)}, worse on {d.Count(x => x < 0)} papers)");
}

double[] PerPaper(IReadOnlyList<List> lists, double[] weights) =>
    [.. lists.Select(l => Measure([l], weights).Recall)];

return 0;

int Column(string spec)
{
    var name = spec.TrimStart('+');
    if (Enum.TryParse<SuggestionFeature>(name, out var feature))
    {
        return (int)feature; // a feature of the engine beyond the served set (GraphWalk)
    }

    var at = Array.IndexOf(extraNames, name);
    return at >= 0 ? featureCount + at : throw new ArgumentException($"unknown column {name}; known: {string.Join(", ", extraNames)}");
}

string Show(double[] w) => string.Join(", ", w.Select((v, i) => (v, i)).Where(x => x.v > 0).Select(x => string.Create(CultureInfo.InvariantCulture, $"{columns[x.i]}={x.v:0.###}")));

List[] Lists(List<(int Paper, int Before)> instances)
{
    var lists = new List[instances.Count];
    Parallel.For(0, instances.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
    {
        var (p, before) = instances[i];
        var candidates = SuggestionEngine.Candidates(corpus, p, SuggestionScope.HeldOut, before, computed);
        var extra = ExtraColumns(p, before, candidates);
        lists[i] = new List(candidates.Select(c => new Row(c.Paper, Extend(c, extra))).ToArray(), truth.References[p], p, before);
    });
    return lists;
}

// One candidate's row: its features, then the extra columns.
float[] Extend(SuggestionCandidate c, Dictionary<int, float>[] extra)
{
    var x = new float[columns.Length];
    c.Features.CopyTo(x, 0);
    for (var e = 0; e < extraNames.Length; e++)
    {
        x[featureCount + e] = extra[e].GetValueOrDefault(c.Paper);
    }

    return x;
}

Dictionary<int, float>[] ExtraColumns(int paper, int before, IReadOnlyList<SuggestionCandidate> candidates)
{
    var month = corpus.Months[paper];
    bool Visible(int citing) => corpus.Months[citing].IsStrictlyBefore(month) && corpus.Months[citing].Year < before;
    var citations = corpus.Snapshot.Citations;

    // Seeds: nearest by meaning and by key terms, each weighted by its similarity to a power, normalised to mass 1.
    var text = new float[corpus.Snapshot.PaperCount];
    corpus.Terms.Similarities(paper, text);
    text[paper] = 0;
    var nearest = corpus.Semantic?.Nearest(paper, 200) ?? [];
    var byText = Enumerable.Range(0, text.Length).Where(o => text[o] > 0).OrderByDescending(o => text[o]).Take(200).ToList();
    Dictionary<int, float> SeedsOf(int count, float power)
    {
        var seeds = new Dictionary<int, float>();
        foreach (var (other, s) in nearest.Take(count))
        {
            seeds[other] = MathF.Pow(Math.Max(s, 0), power);
        }

        foreach (var other in byText.Take(count))
        {
            seeds[other] = Math.Max(seeds.GetValueOrDefault(other), MathF.Pow(text[other], power));
        }

        var total = seeds.Values.Sum();
        return total <= 0 ? seeds : seeds.ToDictionary(kv => kv.Key, kv => kv.Value / total);
    }

    var defaultSeeds = SeedsOf(Seeds, 3);
    var walkOut = Walk(defaultSeeds, both: false, firstStep: 1, Restart);
    var walkBoth = Walk(defaultSeeds, both: true, firstStep: 1, Restart);
    var walkBoth23 = Walk(defaultSeeds, both: true, firstStep: 2, Restart);
    var specWalks = walkSpecs.Select(spec => spec.Split(':')).Select(w => Walk(
        SeedsOf(int.Parse(w[1], CultureInfo.InvariantCulture), float.Parse(w[3], CultureInfo.InvariantCulture)),
        both: w[0] == "both", firstStep: int.Parse(w[4], CultureInfo.InvariantCulture), float.Parse(w[2], CultureInfo.InvariantCulture))).ToList();

    Dictionary<int, float> Walk(Dictionary<int, float> start, bool both, int firstStep, float restart) => WalkOver(Visible, start, both, firstStep, restart);

    var pool = candidates.Select(c => c.Paper).ToHashSet();
    Dictionary<int, float> Scaled(Dictionary<int, float> raw)
    {
        var max = raw.Where(kv => pool.Contains(kv.Key)).Select(kv => kv.Value).DefaultIfEmpty(0).Max();
        return max <= 0 ? [] : raw.Where(kv => pool.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value / max);
    }

    Dictionary<int, float> Sqrt(SuggestionFeature f) => candidates.ToDictionary(c => c.Paper, c => MathF.Sqrt(c.Features[(int)f]));
    Dictionary<int, float> Z(SuggestionFeature f)
    {
        var values = candidates.Select(c => c.Features[(int)f]).ToArray();
        var mean = values.Average();
        var sd = MathF.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        // Shifted so that the pool's mean is 0 and clipped at 0: the fit's weights are ≥ 0 and a below-average candidate gains nothing.
        return sd <= 0 ? [] : candidates.ToDictionary(c => c.Paper, c => Math.Max(0, (c.Features[(int)f] - mean) / sd) / 10);
    }

    // Min-max over the candidates with a value: the weakest such candidate 0, the best 1, to a power.
    Dictionary<int, float> MinMax(SuggestionFeature f, float power)
    {
        var values = candidates.Select(c => c.Features[(int)f]).Where(v => v > 0).DefaultIfEmpty(0).ToArray();
        var (lo, hi) = (values.Min(), values.Max());
        return hi <= lo ? [] : candidates.ToDictionary(c => c.Paper, c => c.Features[(int)f] > 0 ? MathF.Pow((c.Features[(int)f] - lo) / (hi - lo), power) : 0);
    }

    Dictionary<int, float> Rank(SuggestionFeature f) =>
        candidates.OrderByDescending(c => c.Features[(int)f]).ThenBy(c => c.Paper).Select((c, r) => (c.Paper, Value: c.Features[(int)f] > 0 ? 60f / (60 + r) : 0f)).ToDictionary(x => x.Paper, x => x.Value);

    float F(SuggestionCandidate c, SuggestionFeature f) => c.Features[(int)f];
    Dictionary<int, float> Map(Func<SuggestionCandidate, float> value) => candidates.ToDictionary(c => c.Paper, value);
    var graphWalkIndex = (int)SuggestionFeature.GraphWalk;

    // The query's cosine with the (visible) papers citing a candidate, best one; and with the papers the candidate cites, mean.
    float Cos(int other) => corpus.Semantic?.Similarity(paper, other) is { } s && s > 0 ? s : 0;
    var citerMax = Scaled(candidates.ToDictionary(c => c.Paper, c =>
    {
        var best = 0f;
        foreach (var citing in citations.InNeighbors(c.Paper))
        {
            if (Visible(citing))
            {
                best = Math.Max(best, Cos(citing));
            }
        }

        return best;
    }));
    var refsMean = Scaled(candidates.ToDictionary(c => c.Paper, c =>
    {
        if (!Visible(c.Paper) || citations.OutDegree(c.Paper) == 0)
        {
            return 0f;
        }

        var sum = 0f;
        foreach (var cited in citations.OutNeighbors(c.Paper))
        {
            sum += Cos(cited);
        }

        return sum / citations.OutDegree(c.Paper);
    }));

    // Co-citation and coupling around the seeds, apart: seed <- citing -> c (c co-cited with a seed), seed -> cited <- c (c coupled with a seed).
    var cocited = new Dictionary<int, float>();
    var coupled = new Dictionary<int, float>();
    foreach (var (seed, m) in defaultSeeds)
    {
        foreach (var citing in citations.InNeighbors(seed))
        {
            if (Visible(citing) && citations.OutDegree(citing) > 0)
            {
                foreach (var c in citations.OutNeighbors(citing))
                {
                    cocited[c] = cocited.GetValueOrDefault(c) + (m / citations.OutDegree(citing));
                }
            }
        }

        if (Visible(seed))
        {
            foreach (var cited in citations.OutNeighbors(seed))
            {
                foreach (var c in citations.InNeighbors(cited))
                {
                    if (Visible(c) && c != seed)
                    {
                        coupled[c] = coupled.GetValueOrDefault(c) + (m / citations.OutDegree(seed));
                    }
                }
            }
        }
    }

    // Session 15, followers: papers that appeared after the candidate and before the paper (their texts are public at the
    // paper's time, their references are not in the graph) that are close to the candidate by meaning: a text-side stand-in
    // for the citations the lagging graph does not hold. -lag: only papers whose citations the graph lacks (year ≥ before).
    // -q: only the paper's own nearest earlier papers, each weighted by its similarity to the paper (votes predicted from text).
    var months = corpus.Months;
    Dictionary<int, float> Followers(bool lagOnly, bool log) => Scaled(candidates.ToDictionary(c => c.Paper, c =>
    {
        var sum = 0f;
        foreach (var (p, s) in neighbours[c.Paper])
        {
            if (s > 0 && months[c.Paper].IsStrictlyBefore(months[p]) && months[p].IsStrictlyBefore(month) && (!lagOnly || months[p].Year >= before))
            {
                sum += s * s * s;
            }
        }

        return log ? MathF.Log(1 + (10 * sum)) : sum;
    }));
    var followersQ = new Dictionary<int, float>();
    foreach (var (p, s) in nearest.Where(n => months[n.Paper].IsStrictlyBefore(month)).Take(50))
    {
        if (s <= 0)
        {
            continue;
        }

        foreach (var (c, pc) in neighbours[p])
        {
            if (pc > 0 && c != paper && months[c].IsStrictlyBefore(months[p]))
            {
                followersQ[c] = followersQ.GetValueOrDefault(c) + (s * s * s * pc * pc * pc);
            }
        }
    }

    int VisibleCites(int n) => VisibleCitersOf(n, Visible);

    // nbr-pop: how much the candidate's nearest earlier-than-the-paper papers are cited (a topic's pull), similarity-weighted.
    var nbrPopRaw = candidates.ToDictionary(c => c.Paper, c =>
    {
        float num = 0, den = 0;
        foreach (var (n, s) in neighbours[c.Paper].Take(20))
        {
            if (s > 0 && months[n].IsStrictlyBefore(month))
            {
                var w = s * s * s;
                num += w * MathF.Log(1 + VisibleCites(n));
                den += w;
            }
        }

        return den > 0 ? num / den : 0;
    });

    // Session 16, name-uses: how many papers after the candidate and before the paper write a name it coined (its title's
    // "Name:" or an acronym it defines, used by no earlier paper): a text-side count of uses for candidates the lagging
    // graph has no citations of. From --name-uses FILE (title -> per name, the months of its later uses).
    var nameUses = candidates.ToDictionary(c => c.Paper, c =>
    {
        if (corpus.Titles[c.Paper] is not { } title || !nameUseMonths.TryGetValue(System.Text.RegularExpressions.Regex.Replace(title, @"\s+", " ").Trim(), out var perName))
        {
            return 0f;
        }

        var most = perName.Select(u => u.Count(m => m.Year < month.Year || (m.Year == month.Year && m.Month < month.Month))).DefaultIfEmpty(0).Max();
        return MathF.Log(1 + most);
    });

    // Session 16, gq-*: how much of the paper's neighbourhood the graph covers — the share (by similarity³) of its 20
    // nearest earlier papers whose references are visible. The graph features are scaled per paper (the best candidate
    // 1), which hides how much evidence there is; a paper whose neighbours' references the graph lacks (a new topic, or
    // a graph lagging by years) should lean on text. gq-cbs, gq-walk: a graph feature times the cover; gq-sem, gq-key: a
    // text feature times one minus it.
    float coverNum = 0, coverDen = 0;
    foreach (var (n, s) in nearest.Where(n => corpus.Months[n.Paper].IsStrictlyBefore(month)).Take(20))
    {
        var w = MathF.Pow(Math.Max(s, 0), 3);
        coverDen += w;
        coverNum += Visible(n) && citations.OutDegree(n) > 0 ? w : 0;
    }

    var graphCover = coverDen > 0 ? coverNum / coverDen : 0;

    // Session 17, hub:K:L: Semantic corrected for hubness (CSLS): cos(paper, c) − L × the mean cosine of c with its K nearest
    // papers of the paper's month or earlier (hub-all: every paper, later ones too), clipped at 0 and scaled per paper.
    // A candidate close to everything in its region is ranked by how much closer the paper is to it than its region is.
    Dictionary<int, float> Hub(int k, float lambda, bool all) => Scaled(candidates.ToDictionary(c => c.Paper, c =>
    {
        if (corpus.Semantic?.Similarity(paper, c.Paper) is not { } cosine)
        {
            return 0f;
        }

        float sum = 0;
        var n = 0;
        foreach (var (other, sim) in hubNeighbours[c.Paper])
        {
            if (all || !corpus.Months[paper].IsStrictlyBefore(corpus.Months[other]))
            {
                sum += sim;
                if (++n == k)
                {
                    break;
                }
            }
        }

        return Math.Max(0, cosine - (lambda * (n > 0 ? sum / n : 0)));
    }));

    var bm = bm25.Scores(paper, candidates.Select(c => c.Paper), 1);
    var bmTitle = bm25.Scores(paper, candidates.Select(c => c.Paper), 3);

    return
    [
        .. specWalks.Select(Scaled),
        Scaled(walkOut), Scaled(walkBoth), Scaled(walkBoth23),
        Sqrt(SuggestionFeature.CitedBySimilar), Sqrt(SuggestionFeature.CoCitation), Sqrt(SuggestionFeature.Coupling),
        Z(SuggestionFeature.KeyTerms), Z(SuggestionFeature.Semantic),
        Rank(SuggestionFeature.KeyTerms), Rank(SuggestionFeature.Semantic), Rank(SuggestionFeature.CitedBySimilar),
        Map(c => F(c, SuggestionFeature.Semantic) * F(c, SuggestionFeature.Semantic)),
        Map(c => MathF.Pow(F(c, SuggestionFeature.Semantic), 4)),
        Map(c => F(c, SuggestionFeature.KeyTerms) * F(c, SuggestionFeature.KeyTerms)),
        Map(c => F(c, SuggestionFeature.KeyTerms) * F(c, SuggestionFeature.Semantic)),
        Map(c => F(c, SuggestionFeature.Semantic) * F(c, SuggestionFeature.CitedBySimilar)),
        Map(c => F(c, SuggestionFeature.Semantic) * c.Features[graphWalkIndex]),
        Map(c => F(c, SuggestionFeature.KeyTerms) * c.Features[graphWalkIndex]),
        citerMax, refsMean, Scaled(bm), Scaled(bmTitle), Scaled(cocited), Scaled(coupled),
        Map(c => MathF.Pow(F(c, SuggestionFeature.Semantic), 3)),
        Map(c => MathF.Pow(F(c, SuggestionFeature.Semantic), 6)),
        Map(c => MathF.Pow(F(c, SuggestionFeature.Semantic), 8)),
        MinMax(SuggestionFeature.Semantic, 1), MinMax(SuggestionFeature.Semantic, 2), MinMax(SuggestionFeature.Semantic, 4),
        Map(c => MathF.Pow(F(c, SuggestionFeature.KeyTerms), 3)),
        Map(c => F(c, SuggestionFeature.Semantic) > 0 ? MathF.Exp(10 * (F(c, SuggestionFeature.Semantic) - 1)) : 0),
        // Text features of a candidate no visible paper cites yet (the graph's votes cannot reach it: its text must carry it).
        Map(c => F(c, SuggestionFeature.Popularity) == 0 ? F(c, SuggestionFeature.Semantic) : 0),
        Map(c => F(c, SuggestionFeature.Popularity) == 0 ? F(c, SuggestionFeature.KeyTerms) : 0),
        // A young candidate's semantic similarity when the paper's graph lags by more than a year (its votes are missing).
        Map(c => F(c, SuggestionFeature.Popularity) == 0 && month.Year - before >= 1 ? F(c, SuggestionFeature.Semantic) : 0),
        Followers(false, false), Followers(false, true), Followers(true, false), Scaled(followersQ),
        Scaled(nbrPopRaw), Scaled(candidates.ToDictionary(c => c.Paper, c => F(c, SuggestionFeature.Popularity) == 0 ? nbrPopRaw[c.Paper] : 0)),
        Scaled(nameUses), Scaled(candidates.ToDictionary(c => c.Paper, c => F(c, SuggestionFeature.Popularity) == 0 ? nameUses[c.Paper] : 0)),
        Map(c => F(c, SuggestionFeature.CitedBySimilar) * graphCover), Map(c => c.Features[graphWalkIndex] * graphCover),
        Map(c => F(c, SuggestionFeature.Semantic) * (1 - graphCover)), Map(c => F(c, SuggestionFeature.KeyTerms) * (1 - graphCover)),
        Hub(100, 0.25f, false), Hub(200, 0.25f, false), Hub(200, 0.35f, false), Hub(200, 0.25f, true), Hub(200, 0.35f, true),
        [], [], [], [], [], [], [], [], [], [], [], [], // item-bias columns: filled after every list is built
        [], [], [], [], [], [], [], [], // prf columns: filled after every list is built
    ];
}

// A walk with restart over the citations visible to a paper (visible: whether a citing paper's citations may be seen): the
// mass the start passes on, (1 − restart) per step, to what a paper cites and (both) to the visible papers citing it; the
// mass received at steps firstStep to 3.
Dictionary<int, float> WalkOver(Func<int, bool> visible, Dictionary<int, float> start, bool both, int firstStep, float restart)
{
    var citations = corpus.Snapshot.Citations;
    var score = new Dictionary<int, float>();
    var mass = start;
    for (var step = 1; step <= 3; step++)
    {
        var next = new Dictionary<int, float>();
        foreach (var (node, m) in mass)
        {
            var outs = visible(node) ? citations.OutNeighbors(node) : [];
            var ins = both ? citations.InNeighbors(node) : [];
            var degree = outs.Length;
            foreach (var i in ins)
            {
                degree += visible(i) ? 1 : 0;
            }

            if (degree == 0)
            {
                continue;
            }

            var share = m * (1 - restart) / degree;
            foreach (var o in outs)
            {
                next[o] = next.GetValueOrDefault(o) + share;
            }

            foreach (var i in ins)
            {
                if (visible(i))
                {
                    next[i] = next.GetValueOrDefault(i) + share;
                }
            }
        }

        if (step >= firstStep)
        {
            foreach (var (node, m) in next)
            {
                score[node] = score.GetValueOrDefault(node) + m;
            }
        }

        mass = next;
    }

    return score;
}

// How many of the papers citing n are visible.
int VisibleCitersOf(int n, Func<int, bool> visible)
{
    var k = 0;
    foreach (var i in corpus.Snapshot.Citations.InNeighbors(n))
    {
        k += visible(i) ? 1 : 0;
    }

    return k;
}

// The share of each place of the calibration lists that was cited, smoothed (ItemCalibration's, in the engine).
static double[] PlaceShares(IEnumerable<(int Year, int[] Ranked, IReadOnlySet<int> Known)> lists)
{
    var hitsAt = new double[50];
    var seenAt = new double[50];
    foreach (var c in lists)
    {
        for (var r = 0; r < c.Ranked.Length; r++)
        {
            seenAt[r]++;
            hitsAt[r] += c.Known.Contains(c.Ranked[r]) ? 1 : 0;
        }
    }

    return [.. hitsAt.Select((h, r) => (h + 0.5) / (seenAt[r] + 5))];
}

int[] RankedOf(List l, double[] weights) =>
    [.. l.Rows.Select(r => (r.Paper, Score: weights.Select((w, i) => w * r.X[i]).Sum())).Where(x => x.Score > 0)
        .OrderByDescending(x => x.Score).ThenBy(x => x.Paper).Take(50).Select(x => x.Paper)];

// Recall@10 and MRR of a weighting: per list one pass keeping the 10 best (ties by paper index), as the fit's TopK.
(double Recall, double Mrr) Measure(IReadOnlyList<List> lists, double[] weights)
{
    var used = weights.Select((w, i) => (w, i)).Where(x => x.w != 0).ToArray();
    var recall = new double[lists.Count];
    var mrr = new double[lists.Count];
    Parallel.For(0, lists.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, l =>
    {
        var top = new List<(double Score, int Paper)>(K + 1);
        foreach (var row in lists[l].Rows)
        {
            var score = 0.0;
            foreach (var (w, i) in used)
            {
                score += w * row.X[i];
            }

            if (score <= 0 || (top.Count == K && !Ahead(score, row.Paper, top[^1])))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && Ahead(score, row.Paper, top[at - 1]))
            {
                at--;
            }

            top.Insert(at, (score, row.Paper));
            if (top.Count > K)
            {
                top.RemoveAt(K);
            }
        }

        (recall[l], mrr[l], _) = SuggestionEvaluation.Score(top.ConvertAll(t => t.Paper), lists[l].Known, K);
    });
    return lists.Count == 0 ? (0, 0) : (recall.Average(), mrr.Average());

    static bool Ahead(double score, int paper, (double Score, int Paper) other) => score > other.Score || (score == other.Score && paper < other.Paper);
}

double[] BagFit(IReadOnlyList<List> lists, int[] allowed, int n)
{
    var sum = new double[columns.Length];
    var random = new Random(1);
    for (var b = 0; b < n; b++)
    {
        var sample = Enumerable.Range(0, lists.Count).Select(_ => lists[random.Next(lists.Count)]).ToArray();
        var (w, _) = FitOn(sample, allowed);
        var total = w.Sum();
        for (var i = 0; i < w.Length; i++)
        {
            sum[i] += w[i] / total;
        }
    }

    return [.. sum.Select(v => v / n)];
}

// Coordinate search on recall@10 (ties: MRR) from two starts, as SuggestionWeightFit's coordinate method.
(double[] Weights, (double Recall, double Mrr) Score) FitOn(IReadOnlyList<List> lists, int[] allowed)
{
    double[] grid = [0, 0.125, 0.25, 0.5, 0.75, 1, 1.5, 2, 4];
    var single = new double[columns.Length];
    single[(int)SuggestionFeature.KeyTerms] = 1;
    var all = new double[columns.Length];
    foreach (var a in allowed)
    {
        all[a] = 1;
    }

    (double[], (double, double))? winner = null;
    foreach (var start in new[] { single, all })
    {
        var best = (double[])start.Clone();
        var bestScore = Measure(lists, best);
        for (var pass = 0; pass < 4; pass++)
        {
            var improved = false;
            foreach (var f in allowed)
            {
                foreach (var v in grid)
                {
                    var trial = (double[])best.Clone();
                    trial[f] = v;
                    if (trial.All(t => t == 0))
                    {
                        continue;
                    }

                    var score = Measure(lists, trial);
                    if (Better(score, bestScore))
                    {
                        (best, bestScore, improved) = (trial, score, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        if (winner is not { } w || Better(bestScore, w.Item2))
        {
            winner = (best, bestScore);
        }
    }

    return winner!.Value;
}

static bool Better((double Recall, double Mrr) a, (double Recall, double Mrr) b) =>
    a.Recall > b.Recall + 1e-9 || (Math.Abs(a.Recall - b.Recall) <= 1e-9 && a.Mrr > b.Mrr + 1e-9);

internal sealed record Row(int Paper, float[] X);

/// <summary>Okapi BM25 of a paper's title and abstract (the query) against a candidate's, the candidate's title terms counted titleBoost times.</summary>
internal sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private readonly Dictionary<string, int>[] _title;
    private readonly Dictionary<string, int>[] _body;
    private readonly Dictionary<string, float> _idf;
    private readonly float[] _length;

    private Bm25Index(Dictionary<string, int>[] title, Dictionary<string, int>[] body, Dictionary<string, float> idf, float[] length) =>
        (_title, _body, _idf, _length) = (title, body, idf, length);

    public static async Task<Bm25Index> BuildAsync(SqliteGraphStore store, CiteGraph.Graph.Snapshot.GraphSnapshot snapshot)
    {
        var n = snapshot.PaperCount;
        var title = new Dictionary<string, int>[n];
        var body = new Dictionary<string, int>[n];
        for (var p = 0; p < n; p++)
        {
            (title[p], body[p]) = ([], []);
        }

        var df = new Dictionary<string, int>();
        var texts = 0;
        await foreach (var paper in store.ReadPaperTextsAsync())
        {
            if (!snapshot.TryGetIndex(paper.Id, out var i))
            {
                continue;
            }

            texts++;
            foreach (var t in Tokenizer.Terms(paper.Title))
            {
                title[i][t] = title[i].GetValueOrDefault(t) + 1;
            }

            foreach (var t in Tokenizer.Terms(paper.Abstract))
            {
                body[i][t] = body[i].GetValueOrDefault(t) + 1;
            }

            foreach (var t in title[i].Keys.Union(body[i].Keys))
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        var idf = df.ToDictionary(kv => kv.Key, kv => MathF.Log(1 + ((texts - kv.Value + 0.5f) / (kv.Value + 0.5f))));
        var length = Enumerable.Range(0, n).Select(p => (float)(title[p].Values.Sum() + body[p].Values.Sum())).ToArray();
        return new Bm25Index(title, body, idf, length);
    }

    public Dictionary<int, float> Scores(int query, IEnumerable<int> candidates, int titleBoost)
    {
        var terms = _title[query].Keys.Union(_body[query].Keys).ToArray();
        var average = _length.Where(l => l > 0).DefaultIfEmpty(1).Average();
        var scores = new Dictionary<int, float>();
        foreach (var c in candidates)
        {
            var norm = K1 * (1 - B + (B * _length[c] / average));
            var score = 0f;
            foreach (var t in terms)
            {
                var tf = (titleBoost * _title[c].GetValueOrDefault(t)) + _body[c].GetValueOrDefault(t);
                if (tf > 0)
                {
                    score += _idf[t] * tf * (K1 + 1) / (tf + norm);
                }
            }

            scores[c] = score;
        }

        return scores;
    }
}

internal sealed record List(Row[] Rows, IReadOnlySet<int> Known, int Citing = -1, int Before = 0);
