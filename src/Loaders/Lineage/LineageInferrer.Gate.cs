using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Lineage;

public static partial class LineageInferrer
{
    /// <summary>
    /// The citations, judged pair by pair: the proposals sorted by (citing, cited), each pair's proposals through the
    /// gate together, and only the pair's winner made into a <see cref="Citation"/> with its evidence text — the one
    /// <see cref="OnePerPair"/> would keep of <see cref="EveryRulesBest"/>'s list, in the same order.
    /// </summary>
    /// <remarks>
    /// A dictionary of every rule's best proposal of every pair, each with its citation and evidence text, was the
    /// largest structure of derive's lineage phase on a corpus of coined names (~500 B a paper at 2.3 proposals a paper);
    /// this holds 12 bytes a proposal for the order and one pair's rules at a time. The pairs are told apart by corpus
    /// index, where <see cref="OnePerPair"/> groups by the papers' ids: the same for a corpus whose ids are unique.
    /// </remarks>
    /// <typeparam name="T">What is kept of a winner: its citation and signals, or its citation alone.</typeparam>
    /// <param name="gate">The same-subject gate.</param>
    /// <param name="proposals">What the rules proposed.</param>
    /// <param name="drain">Let go of each pair's proposals once judged.</param>
    /// <param name="minConfidence">Winners below this are not kept (the winner is chosen first, as when filtered after <see cref="OnePerPair"/>).</param>
    /// <param name="keep">Makes what is kept of a winner.</param>
    private static List<T> WinnerOfEachPair<T>(Gate gate, LineageProposals proposals, bool drain, double minConfidence, Func<Citation, LineageSignals, T> keep)
    {
        var order = proposals.ByPair();
        var items = proposals.Items;
        var kept = new List<T>();
        // Each rule's most confident proposal of the pair, in the order of the rule's first proposal past the gate: the
        // order the dictionary of EveryRulesBest enumerated them in, which OnePerPair's first-of-equals reads.
        var rules = new List<RuleBest>();
        for (var start = 0; start < order.Length;)
        {
            var (from, to) = (order[start].From, order[start].To);
            var end = start + 1;
            while (end < order.Length && order[end].From == from && order[end].To == to)
            {
                end++;
            }

            var measures = gate.Measure(from, to);
            rules.Clear();
            for (var k = start; k < end; k++)
            {
                var signals = Gate.Signals(items[order[k].Index].Signals, measures);
                if (!LineageCalibration.PassesGate(signals))
                {
                    continue;
                }

                var best = new RuleBest(order[k].Index, Gate.Confidence(signals), signals);
                var at = rules.FindIndex(r => r.Signals.Rule == signals.Rule);
                if (at < 0)
                {
                    rules.Add(best);
                }
                else if (rules[at].Confidence < best.Confidence)
                {
                    rules[at] = best;
                }
            }

            if (Winner(rules) is { } winner && winner.Confidence >= minConfidence)
            {
                kept.Add(keep(gate.Cite(from, to, items[winner.Index].Evidence, winner.Confidence, measures), winner.Signals));
            }

            if (drain)
            {
                for (var k = start; k < end; k++)
                {
                    proposals.Release(order[k].Index);
                }
            }

            start = end;
        }

        if (drain)
        {
            proposals.Clear();
        }

        return kept;
    }

    /// <summary>
    /// <see cref="OnePerPair"/>'s choice among one pair's rules: the most confident past the gate (above 0), the first
    /// of equals; a quoted title before the phrases it holds. Null when none is above 0.
    /// </summary>
    private static RuleBest? Winner(List<RuleBest> rules)
    {
        var quoted = rules.Exists(r => r.Confidence > 0 && r.Signals.Rule == "title");
        RuleBest? winner = null;
        foreach (var rule in rules)
        {
            if (rule.Confidence > 0 && !(quoted && rule.Signals.Rule == "phrase") && (winner is null || rule.Confidence > winner.Value.Confidence))
            {
                winner = rule;
            }
        }

        return winner;
    }

    /// <summary>A rule's most confident proposal of a pair so far: its index among the proposals, confidence and judged signals.</summary>
    private readonly record struct RuleBest(int Index, double Confidence, LineageSignals Signals);

    /// <summary>The same-subject measures of one (citing, cited) pair, the same for every rule's proposal of it.</summary>
    private readonly record struct PairMeasures(double Similarity, double? Semantic, double TopicSimilarity, int? Order);

    /// <summary>
    /// The same-subject gate: every rule's proposal must survive it. Below its rule's floor it is a collision, above it
    /// the similarity is an input of the confidence. The embeddings' cosine decides where both papers have a vector; the
    /// words' cosine where they do not.
    /// </summary>
    private sealed class Gate(IReadOnlyList<LineagePaper> papers, ILineageSimilarity similarity, EmbeddingSimilarity? semantic, TopicSimilarity topics)
    {
        public static Gate Of(
            IReadOnlyList<LineagePaper> papers, IReadOnlyList<int[]> paperTopics, LineageProposals proposals, ILineageSimilarity? similarity, EmbeddingSimilarity? semantic,
            Action<LineageStep>? step)
        {
            ArgumentNullException.ThrowIfNull(papers);
            ArgumentNullException.ThrowIfNull(paperTopics);
            ArgumentNullException.ThrowIfNull(proposals);
            step?.Invoke(new LineageStep("gate: word and topic frequencies", papers.Count));
            var terms = similarity is null ? new TermSimilarity(papers) : null;
            var topics = new TopicSimilarity(paperTopics);
            if (terms is not null)
            {
                // The cited papers' vectors made once each, up front (see TermSimilarity.Prepare): the judging asks for them
                // at random. A citing paper's are asked for one pair after another, which the measure's cache serves.
                var cited = new System.Collections.BitArray(papers.Count);
                foreach (var proposal in proposals.Items)
                {
                    cited[proposal.To] = true;
                }

                var count = 0;
                for (var i = 0; i < cited.Length; i++)
                {
                    count += cited[i] ? 1 : 0;
                }

                step?.Invoke(new LineageStep("gate: term vectors", count));
                terms.Prepare(Enumerable.Range(0, papers.Count).Where(i => cited[i]));
            }

            step?.Invoke(new LineageStep("judging proposals", proposals.Items.Count));
            return new Gate(papers, similarity ?? terms!, semantic, topics);
        }

        public PairMeasures Measure(int from, int to) => new(
            similarity.Similarity(from, to),
            semantic is not null && semantic.Covers(from, to) ? semantic.Similarity(from, to) : null,
            topics.Similarity(from, to),
            LineagePaper.Compare(papers[from].Date, papers[to].Date));

        /// <summary>The rule's signals with the pair's measures; a rule that knows the papers' order keeps its own.</summary>
        public static LineageSignals Signals(LineageSignals proposed, PairMeasures measures) => proposed with
        {
            Similarity = measures.Similarity,
            Semantic = measures.Semantic,
            TopicSimilarity = measures.TopicSimilarity,
            Order = proposed.Order ?? measures.Order,
        };

        /// <summary>The calibrated confidence, to 3 places and at most 0.99; 0 for a proposal the gate stops.</summary>
        public static double Confidence(LineageSignals signals) =>
            LineageCalibration.PassesGate(signals) ? Math.Round(Math.Clamp(LineageCalibration.Confidence(signals), 0, 0.99), 3) : 0;

        /// <summary>The citation, its evidence the rule's matched text followed by the similarity the gate read.</summary>
        public Citation Cite(int from, int to, string evidence, double confidence, PairMeasures measures)
        {
            var measured = measures.Semantic is { } e ? FormattableString.Invariant($"embedding similarity {e:0.00}, {similarity.Name} {measures.Similarity:0.00}")
                : FormattableString.Invariant($"{similarity.Name} similarity {measures.Similarity:0.00}") + (semantic is null ? "" : ", no embedding");
            return new Citation(papers[from].Id, papers[to].Id, CitationKind.Inferred, confidence, $"{evidence} [{measured}]");
        }
    }
}
