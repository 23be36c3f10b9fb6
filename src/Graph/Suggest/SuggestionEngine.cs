using System.Globalization;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Suggest;

/// <summary>One candidate reference of a paper and its feature values, each scaled to [0, 1] by the best candidate of that paper.</summary>
/// <param name="Paper">Dense snapshot index of the candidate.</param>
/// <param name="Features">Indexed by <see cref="SuggestionFeature"/>.</param>
public sealed record SuggestionCandidate(int Paper, float[] Features)
{
    public double Score(SuggestionWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var score = 0.0;
        for (var f = 0; f < Features.Length; f++)
        {
            score += weights.Values[f] * Features[f];
        }

        return score;
    }
}

/// <summary>
/// Suggested references: the earlier papers (or of the same month) a paper most likely builds on, scored by a weighted
/// sum of features (<see cref="SuggestionFeature"/>) and explained by reasons. The API, the CLI and <c>eval-suggest</c>
/// all call <see cref="Suggest(SuggestionCorpus, int, int, SuggestionWeights, SuggestionScope)"/>, so what is evaluated is what is served.
/// </summary>
public static class SuggestionEngine
{
    /// <summary>Most similar papers whose references vote for candidates ("popularity among similar papers").</summary>
    /// <remarks>100 neighbours, each voting with its similarity cubed, found best on the 2017–2019 training papers (recall@10 of
    /// this feature alone: 40 neighbours, similarity 0.365; 100, squared 0.380; 100, cubed 0.385; 200, cubed 0.383).</remarks>
    private const int Neighbours = 100;

    /// <summary>Candidates taken from each of the text, semantic and popularity lists before features are compared.</summary>
    private const int PoolPerList = 300;

    /// <summary>Citing or cited papers examined per paper, so that a paper cited 100,000 times stays cheap.</summary>
    private const int MaxFanOut = 2000;

    /// <summary>Seeds of <see cref="SuggestionFeature.GraphWalk"/>: this many nearest papers by meaning, and as many by key terms.</summary>
    /// <remarks>
    /// 50 seeds, similarity cubed, half the mass passed on per step, three steps: judged forward in time (weights fitted on
    /// the 2012–2017 papers, measured on 2018–2019 with the graph before 2018) and by 2-fold cross-validation on 2018–2019
    /// (bench/tools/suggest-forward.cs, bench/RESULTS.md, branch suggest10).
    /// </remarks>
    private const int WalkSeeds = 50;

    /// <summary>Steps of <see cref="SuggestionFeature.GraphWalk"/>; each passes on <see cref="WalkCarry"/> of the mass.</summary>
    private const int WalkSteps = 3;

    private const float WalkCarry = 0.5f;

    /// <summary>
    /// The first step whose mass counts: step 1 out of a seed is what <see cref="SuggestionFeature.CitedBySimilar"/> counts
    /// already, so the walk counts what lies two and three citations away (better forward and in cross-validation).
    /// </summary>
    private const int WalkFirstCounted = 2;

    /// <summary>Papers a walk step spreads from at most (the heaviest), so that a dense graph's third step stays cheap.</summary>
    private const int WalkFrontier = 20_000;

    /// <summary>How far back (in years before the asking paper's year) a citation counts as recent for <see cref="SuggestionFeature.RecentPopularity"/>.</summary>
    public const int RecentYears = 2;

    private static readonly int FeatureCount = Enum.GetValues<SuggestionFeature>().Length;

    /// <summary>The best <paramref name="first"/> suggestions for <paramref name="paper"/>, best first, with their reasons.</summary>
    /// <remarks>
    /// Only the features <paramref name="weights"/> weigh above 0 are computed (besides those that pick the candidates):
    /// a feature weighing 0 adds nothing to any score or reason, and some cost a model fit or a pass over each candidate's
    /// citations. The answer is the one computing every feature gives.
    /// </remarks>
    public static IReadOnlyList<RelatedResult> Suggest(SuggestionCorpus corpus, int paper, int first, SuggestionWeights weights, SuggestionScope scope = SuggestionScope.Live) =>
        Suggest(corpus, paper, first, weights, scope, computeAll: false);

    /// <summary>The public <c>Suggest</c>, optionally computing every feature (tests compare the two).</summary>
    internal static IReadOnlyList<RelatedResult> Suggest(SuggestionCorpus corpus, int paper, int first, SuggestionWeights weights, SuggestionScope scope, bool computeAll)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var context = new Context(corpus, paper, scope, computed: computeAll ? null : weights);
        var candidates = context.Candidates();
        return candidates
            .Select(c => (Candidate: c, Score: c.Score(weights)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => corpus.Snapshot.PaperId(c.Candidate.Paper), StringComparer.Ordinal)
            .Take(first)
            .Select(c => new RelatedResult(c.Candidate.Paper, c.Score, context.Reasons(c.Candidate, weights)))
            .ToList();
    }

    /// <summary>Every candidate reference of <paramref name="paper"/> with its features, in no particular order (the input of weight fitting).</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="paper">The paper (dense index).</param>
    /// <param name="scope">Which citations may be seen.</param>
    /// <param name="graphBefore">
    /// When given (held-out scope only), citations made in this year or later are hidden as well: the graph as frozen
    /// before that year, as in an evaluation whose graph holds only older citations.
    /// </param>
    public static IReadOnlyList<SuggestionCandidate> Candidates(SuggestionCorpus corpus, int paper, SuggestionScope scope, int? graphBefore = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return new Context(corpus, paper, scope, graphBefore).Candidates();
    }

    /// <summary>The candidates with only the features <paramref name="weights"/> weigh above 0 computed (the others 0), as the served <c>Suggest</c> scores them.</summary>
    internal static IReadOnlyList<SuggestionCandidate> Candidates(SuggestionCorpus corpus, int paper, SuggestionScope scope, SuggestionWeights weights) =>
        Candidates(corpus, paper, scope, null, weights);

    /// <summary>
    /// The candidates with only the features <paramref name="computed"/> weighs above 0 computed (the others 0; the pool is
    /// the same): bench tools that need a few features skip the costly ones (the citation-trained models' fit).
    /// </summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="paper">The paper (dense index).</param>
    /// <param name="scope">Which citations may be seen.</param>
    /// <param name="graphBefore">Held-out scope: citations made in this year or later are hidden as well.</param>
    /// <param name="computed">The features to compute (those weighing above 0).</param>
    public static IReadOnlyList<SuggestionCandidate> Candidates(SuggestionCorpus corpus, int paper, SuggestionScope scope, int? graphBefore, SuggestionWeights computed)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(computed);
        return new Context(corpus, paper, scope, graphBefore, computed).Candidates();
    }

    /// <summary>The computation for one paper: raw feature values per candidate, kept for the reasons.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="paper">The paper asking (dense index).</param>
    /// <param name="scope">Which citations may be seen.</param>
    /// <param name="graphBefore">Held-out scope: citations made in this year or later are hidden as well.</param>
    /// <param name="computed">
    /// When given, the features it weighs 0 are not computed, except those that decide which papers are candidates
    /// (semantic neighbours, cited-by-similar, co-topic, the paper's own citations, coupling, co-citation): the pool, and
    /// with it every other feature's scaling, stays the one the weights were fitted on.
    /// </param>
    private sealed class Context(SuggestionCorpus corpus, int paper, SuggestionScope scope, int? graphBefore = null, SuggestionWeights? computed = null)
    {
        private readonly Dictionary<int, float>[] _raw = Enumerable.Range(0, FeatureCount).Select(_ => new Dictionary<int, float>()).ToArray();
        private readonly Dictionary<int, List<int>> _citedBy = [];
        private readonly float[] _text = new float[corpus.Snapshot.PaperCount];
        private readonly PaperMonth _month = corpus.Months[paper];

        /// <summary>
        /// Citation ages and the most cited papers as this paper may know them: live, the whole graph's; held out, only
        /// citations made before it (a full graph evaluated by paper must not rank by its own or later references).
        /// </summary>
        private readonly (CitationAges Ages, IReadOnlyList<int> ByCitations) _known = scope == SuggestionScope.Live
            ? (corpus.Ages, corpus.ByCitations)
            : corpus.VisibleTo(corpus.Months[paper], graphBefore);

        /// <summary>
        /// The citation-trained models this paper may use: in held-out scope fitted only on citations made before its year
        /// (and before <c>graphBefore</c>), so a paper never learns from its own references; none for an undated held-out paper.
        /// </summary>
        /// <remarks>Not fitted at all when neither model's feature is computed: the first fit over a snapshot's citations takes seconds.</remarks>
        private readonly CitationModels? _models = !(Computes(computed, SuggestionFeature.CitationSemantic) || Computes(computed, SuggestionFeature.TermAssociation)) ? null
            : scope == SuggestionScope.Live ? corpus.ModelsBefore(null)
            : corpus.Months[paper].Year is { } year ? corpus.ModelsBefore(Math.Min(year, graphBefore ?? int.MaxValue)) : null;

        private Dictionary<int, float>? _association;

        public List<SuggestionCandidate> Candidates()
        {
            var snapshot = corpus.Snapshot;
            var citations = snapshot.Citations;
            corpus.Terms.Similarities(paper, _text);
            _text[paper] = 0;

            var pool = new HashSet<int>();
            foreach (var c in Top(Enumerable.Range(0, _text.Length).Where(p => _text[p] > 0 && IsCandidate(p)), p => _text[p], PoolPerList))
            {
                pool.Add(c);
            }

            var semantic = corpus.Semantic?.Nearest(paper, PoolPerList * 2) ?? [];
            var semanticOf = new Dictionary<int, float>();
            foreach (var (other, similarity) in semantic)
            {
                semanticOf[other] = similarity;
                if (IsCandidate(other) && similarity > 0)
                {
                    Raw(SuggestionFeature.Semantic)[other] = similarity;
                    pool.Add(other);
                }
            }

            // Popularity among similar papers: the references of the papers most like this one, each weighted by how alike
            // (cubed, so that a few close papers outvote many loosely similar ones).
            float Similarity(int other) => semanticOf.Count > 0 ? semanticOf.GetValueOrDefault(other) : _text[other];
            var neighbourPool = semanticOf.Count > 0 ? semanticOf.Keys : Enumerable.Range(0, _text.Length).Where(p => _text[p] > 0);
            var neighbours = Top(neighbourPool.Where(n => n != paper && citations.OutDegree(n) > 0 && CitingVisible(n)), Similarity, Neighbours);
            foreach (var neighbour in neighbours)
            {
                foreach (var cited in Cap(citations.OutNeighbors(neighbour)))
                {
                    if (IsCandidate(cited))
                    {
                        var s = Similarity(neighbour);
                        Add(SuggestionFeature.CitedBySimilar, cited, s * s * s);
                        (_citedBy.TryGetValue(cited, out var list) ? list : _citedBy[cited] = []).Add(neighbour);
                    }
                }
            }

            foreach (var (other, weight) in Zip(snapshot.CoTopic.OutNeighbors(paper), snapshot.CoTopic.OutWeights(paper)))
            {
                if (IsCandidate(other))
                {
                    Raw(SuggestionFeature.CoTopic)[other] = weight;
                }
            }

            // The paper's own visible references: direct evidence, and the basis of bibliographic coupling.
            foreach (var cited in Cap(citations.OutNeighbors(paper)))
            {
                var info = snapshot.Citation(paper, cited);
                if (scope == SuggestionScope.HeldOut && !info.Inferred)
                {
                    continue;
                }

                if (IsCandidate(cited))
                {
                    Raw(SuggestionFeature.DirectCitation)[cited] = (float)info.Confidence;
                }

                foreach (var citing in Cap(citations.InNeighbors(cited)))
                {
                    if (citing != paper && IsCandidate(citing) && CitingVisible(citing))
                    {
                        Add(SuggestionFeature.Coupling, citing, 1);
                    }
                }
            }

            foreach (var citing in Cap(citations.InNeighbors(paper)))
            {
                if (CitingVisible(citing))
                {
                    foreach (var cited in Cap(citations.OutNeighbors(citing)))
                    {
                        if (IsCandidate(cited))
                        {
                            Add(SuggestionFeature.CoCitation, cited, 1);
                        }
                    }
                }
            }

            for (var f = 0; f < FeatureCount; f++)
            {
                pool.UnionWith(_raw[f].Keys);
            }

            var popular = 0;
            foreach (var p in _known.ByCitations)
            {
                if (popular == PoolPerList || citations.InDegree(p) == 0)
                {
                    break;
                }

                if (IsCandidate(p))
                {
                    pool.Add(p);
                    popular++;
                }
            }

            var walk = Computes(SuggestionFeature.GraphWalk) ? Walk(semantic) : null;
            var calibration = !Computes(SuggestionFeature.ItemBias) ? null
                : scope == SuggestionScope.Live ? corpus.LiveCalibrationIfReady()?.For(null)
                : corpus.CalibrationBefore(graphBefore).For(_month);
            var projected = Computes(SuggestionFeature.CitationSemantic) && _models?.Projection is { } projection && corpus.Semantic?.Vector(paper) is { } own
                ? projection.Project(own.Span)
                : null;
            _association = Computes(SuggestionFeature.TermAssociation) ? _models?.Association?.Query(paper) : null;
            var (keyTerms, recency, titleMention) = (Computes(SuggestionFeature.KeyTerms), Computes(SuggestionFeature.Recency), Computes(SuggestionFeature.TitleMention));
            var semanticFill = Computes(SuggestionFeature.Semantic);
            var (popularity, recentPopularity) = (Computes(SuggestionFeature.Popularity), Computes(SuggestionFeature.RecentPopularity));
            foreach (var c in pool)
            {
                if (projected is not null && corpus.Semantic!.Vector(c) is { } vector && VectorMath.Dot(projected, vector.Span) is var mapped && mapped > 0)
                {
                    Raw(SuggestionFeature.CitationSemantic)[c] = mapped;
                }

                if (_association is { Count: > 0 } && _models!.Association!.Score(_association, c) is var associated && associated > 0)
                {
                    Raw(SuggestionFeature.TermAssociation)[c] = associated;
                }

                if (walk is not null && walk.TryGetValue(c, out var reached) && reached > 0)
                {
                    Raw(SuggestionFeature.GraphWalk)[c] = reached;
                }

                if (calibration is not null)
                {
                    Raw(SuggestionFeature.ItemBias)[c] = calibration.TryGetValue(c, out var bias) ? bias : ItemCalibration.Neutral;
                }

                if (keyTerms && _text[c] > 0)
                {
                    Raw(SuggestionFeature.KeyTerms)[c] = _text[c];
                }

                if (recency && _known.Ages.RelativeRate(_month, corpus.Months[c]) is { } rate)
                {
                    Raw(SuggestionFeature.Recency)[c] = (float)rate;
                }

                // Meaning for every candidate, also those beyond the nearest neighbours the index returned.
                if (semanticFill && corpus.Semantic?.Similarity(paper, c) is { } cosine && cosine > 0)
                {
                    Raw(SuggestionFeature.Semantic).TryAdd(c, cosine);
                }

                if (titleMention && corpus.Terms.TitleCoverage(c, paper) is var named && named > 0)
                {
                    Raw(SuggestionFeature.TitleMention)[c] = named;
                }

                if (!popularity && !recentPopularity)
                {
                    continue;
                }

                int visible = 0, recent = 0;
                foreach (var citing in citations.InNeighbors(c))
                {
                    if (CitingVisible(citing))
                    {
                        visible++;
                        recent += IsRecent(citing) ? 1 : 0;
                    }
                }

                if (popularity && visible > 0)
                {
                    Raw(SuggestionFeature.Popularity)[c] = (float)Math.Log(1 + visible);
                }

                if (recentPopularity && recent > 0)
                {
                    Raw(SuggestionFeature.RecentPopularity)[c] = (float)Math.Log(1 + recent);
                }
            }

            var max = _raw.Select(r => r.Count == 0 ? 0f : r.Values.Max()).ToArray();
            return pool.Select(c =>
            {
                var features = new float[FeatureCount];
                for (var f = 0; f < FeatureCount; f++)
                {
                    features[f] = max[f] > 0 && _raw[f].TryGetValue(c, out var v) ? v / max[f] : 0f;
                }

                return new SuggestionCandidate(c, features);
            }).ToList();
        }

        /// <summary>
        /// <see cref="SuggestionFeature.GraphWalk"/>: the mass each paper receives at steps <see cref="WalkFirstCounted"/> to <see cref="WalkSteps"/> of a
        /// walk over the visible citations, both directions, each paper passing <see cref="WalkCarry"/> of its mass evenly to
        /// its visible neighbours; started from the nearest papers by meaning and by key terms (mass ∝ similarity cubed, 1 in all).
        /// </summary>
        private Dictionary<int, float> Walk(IReadOnlyList<(int Paper, float Similarity)> semantic)
        {
            var citations = corpus.Snapshot.Citations;
            var mass = new Dictionary<int, float>();
            foreach (var (other, similarity) in semantic.Take(WalkSeeds).Where(s => s.Similarity > 0))
            {
                mass[other] = similarity * similarity * similarity;
            }

            foreach (var other in Top(Enumerable.Range(0, _text.Length).Where(p => _text[p] > 0), p => _text[p], WalkSeeds))
            {
                var s = _text[other];
                mass[other] = Math.Max(mass.GetValueOrDefault(other), s * s * s);
            }

            var total = mass.Values.Sum();
            var reached = new Dictionary<int, float>();
            for (var step = 1; step <= WalkSteps && total > 0; step++)
            {
                var next = new Dictionary<int, float>();
                IEnumerable<KeyValuePair<int, float>> frontier = mass.Count <= WalkFrontier ? mass : mass.OrderByDescending(m => m.Value).ThenBy(m => m.Key).Take(WalkFrontier);
                foreach (var (node, m) in frontier)
                {
                    ReadOnlySpan<int> cites = CitingVisible(node) ? Cap(citations.OutNeighbors(node)) : [];
                    var citedBy = Cap(citations.InNeighbors(node));
                    var degree = cites.Length;
                    foreach (var citing in citedBy)
                    {
                        degree += CitingVisible(citing) ? 1 : 0;
                    }

                    if (degree == 0)
                    {
                        continue;
                    }

                    var share = m / total * WalkCarry / degree;
                    foreach (var cited in cites)
                    {
                        next[cited] = next.GetValueOrDefault(cited) + share;
                    }

                    foreach (var citing in citedBy)
                    {
                        if (CitingVisible(citing))
                        {
                            next[citing] = next.GetValueOrDefault(citing) + share;
                        }
                    }
                }

                foreach (var (node, m) in step >= WalkFirstCounted ? next : [])
                {
                    reached[node] = reached.GetValueOrDefault(node) + m;
                }

                (mass, total) = (next, 1);
            }

            return reached;
        }

        /// <summary>The reasons behind a candidate's score: each feature that contributed, in words, strongest first.</summary>
        public IReadOnlyList<RelatedReason> Reasons(SuggestionCandidate candidate, SuggestionWeights weights)
        {
            var c = candidate.Paper;
            var reasons = new List<(double Contribution, RelatedReason Reason)>();
            foreach (var feature in Enum.GetValues<SuggestionFeature>())
            {
                var contribution = weights[feature] * candidate.Features[(int)feature];
                if (contribution > 0 && _raw[(int)feature].TryGetValue(c, out var value))
                {
                    reasons.Add((contribution, new RelatedReason(Kind(feature), value, Detail(feature, c, value))));
                }
            }

            return reasons.OrderByDescending(r => r.Contribution).Select(r => r.Reason).ToList();
        }

        private string Detail(SuggestionFeature feature, int c, float value) => feature switch
        {
            SuggestionFeature.KeyTerms => string.Create(CultureInfo.InvariantCulture,
                $"shares key terms: {string.Join(", ", corpus.Terms.SharedTerms(paper, c, 6))} (TF-IDF cosine {value:0.###})"),
            SuggestionFeature.Semantic => string.Create(CultureInfo.InvariantCulture, $"semantically similar (embedding cosine {value:0.###})"),
            SuggestionFeature.CoTopic => string.Create(CultureInfo.InvariantCulture, $"shares topics (co-topic weight {value:0.##})"),
            SuggestionFeature.CitedBySimilar => CitedBySimilar(c),
            SuggestionFeature.Popularity => $"cited by {Math.Round(Math.Exp(value) - 1):0} paper{(Math.Round(Math.Exp(value) - 1) == 1 ? "" : "s")} in the graph",
            SuggestionFeature.RecentPopularity =>
                $"cited by {Math.Round(Math.Exp(value) - 1):0} paper{(Math.Round(Math.Exp(value) - 1) == 1 ? "" : "s")} of the last {RecentYears} years in the graph",
            SuggestionFeature.TitleMention => string.Create(CultureInfo.InvariantCulture,
                $"this paper's text names its title: {string.Join(", ", corpus.Terms.NamedTitleTerms(c, paper, 4))} ({value:P0} of the title by idf)"),
            SuggestionFeature.CoCitation => $"cited together with it by {value:0} paper{(value == 1 ? "" : "s")}",
            SuggestionFeature.Coupling => $"shares {value:0} reference{(value == 1 ? "" : "s")} with it",
            SuggestionFeature.DirectCitation => corpus.Snapshot.Citation(paper, c) is { Inferred: true, Evidence: { } evidence }
                ? $"its text refers to it: {evidence}"
                : "it cites it",
            SuggestionFeature.GraphWalk => string.Create(CultureInfo.InvariantCulture,
                $"a short walk over citations from the papers most similar to this one reaches it ({value:P1} of the walk)"),
            SuggestionFeature.Recency => string.Create(CultureInfo.InvariantCulture,
                $"papers {Age(c)} older are cited {value:0.##}× as readily as the average in the graph"),
            SuggestionFeature.ItemBias => string.Create(CultureInfo.InvariantCulture,
                $"earlier papers cited it {value / (1 - value):0.##}× as often as suggestions like these expected"),
            SuggestionFeature.CitationSemantic => string.Create(CultureInfo.InvariantCulture,
                $"close to what papers like it cite (citation-trained embedding cosine {value:0.###}, learned from {_models!.Projection!.Pairs} citations)"),
            SuggestionFeature.TermAssociation => string.Create(CultureInfo.InvariantCulture,
                $"its terms {string.Join(", ", _models!.Association!.Explain(_association!, c, 4))} go with this paper's terms in earlier citations (association {value:0.###})"),
            _ => feature.ToString(),
        };

        private string Age(int c) => CitationAges.Bucket(_month, corpus.Months[c]) switch
        {
            0 => "less than a year",
            1 => "a year",
            CitationAges.MaxYears => $"{CitationAges.MaxYears} years or more",
            var years => $"{years} years",
        };

        private string CitedBySimilar(int c)
        {
            var citing = _citedBy[c];
            var named = citing.Take(3).Select(n => $"“{corpus.Titles[n] ?? corpus.Snapshot.PaperId(n)}”");
            return $"cited by {citing.Count} of the {Neighbours} papers most similar to it: {string.Join(", ", named)}{(citing.Count > 3 ? ", …" : "")}";
        }

        private static RelatedBy Kind(SuggestionFeature feature) => feature switch
        {
            SuggestionFeature.KeyTerms => RelatedBy.KeyTerms,
            SuggestionFeature.Semantic => RelatedBy.Semantic,
            SuggestionFeature.CoTopic => RelatedBy.CoTopic,
            SuggestionFeature.CitedBySimilar => RelatedBy.CitedBySimilar,
            SuggestionFeature.Popularity => RelatedBy.Popularity,
            SuggestionFeature.CoCitation => RelatedBy.CoCitation,
            SuggestionFeature.Coupling => RelatedBy.BibliographicCoupling,
            SuggestionFeature.Recency => RelatedBy.Recency,
            SuggestionFeature.CitationSemantic => RelatedBy.CitationSemantic,
            SuggestionFeature.TermAssociation => RelatedBy.TermAssociation,
            SuggestionFeature.TitleMention => RelatedBy.KeyTerms,
            SuggestionFeature.RecentPopularity => RelatedBy.Popularity,
            SuggestionFeature.GraphWalk => RelatedBy.PersonalizedPageRank,
            SuggestionFeature.ItemBias => RelatedBy.Popularity,
            _ => RelatedBy.DirectCitation,
        };

        private Dictionary<int, float> Raw(SuggestionFeature feature) => _raw[(int)feature];

        private static bool Computes(SuggestionWeights? computed, SuggestionFeature feature) => computed is null || computed[feature] > 0;

        private bool Computes(SuggestionFeature feature) => Computes(computed, feature);

        private void Add(SuggestionFeature feature, int c, float value)
        {
            var raw = Raw(feature);
            raw[c] = raw.GetValueOrDefault(c) + value;
        }

        /// <summary>A paper that may be suggested: not this one, not a stub, not later than it.</summary>
        private bool IsCandidate(int other) =>
            other != paper && !corpus.Snapshot.IsStub(other) && corpus.Titles[other] is not null && corpus.Months[other].MayBeCitedBy(_month);

        /// <summary>A citing paper of the last <see cref="RecentYears"/> years before this paper (an undated one is not recent).</summary>
        private bool IsRecent(int citing) => corpus.Months[citing].Year is { } y && _month.Year is { } own && y >= own - RecentYears && y <= own;

        /// <summary>Whether the citations <paramref name="citing"/> makes are visible in this scope.</summary>
        private bool CitingVisible(int citing) => scope == SuggestionScope.Live || corpus.VisibleToHeldOut(citing, _month, graphBefore);

        private static IEnumerable<int> Top(IEnumerable<int> papers, Func<int, float> score, int count)
        {
            var heap = new PriorityQueue<int, (float, int)>();
            foreach (var p in papers)
            {
                heap.Enqueue(p, (score(p), -p));
                if (heap.Count > count)
                {
                    heap.Dequeue();
                }
            }

            var result = new List<int>(heap.Count);
            while (heap.TryDequeue(out var p, out _))
            {
                result.Add(p);
            }

            result.Reverse();
            return result;
        }

        private static List<(int, float)> Zip(ReadOnlySpan<int> nodes, ReadOnlySpan<float> weights)
        {
            var list = new List<(int, float)>(nodes.Length);
            for (var i = 0; i < nodes.Length; i++)
            {
                list.Add((nodes[i], weights.IsEmpty ? 1f : weights[i]));
            }

            return list;
        }

        private static ReadOnlySpan<int> Cap(ReadOnlySpan<int> span) => span.Length > MaxFanOut ? span[..MaxFanOut] : span;
    }
}
