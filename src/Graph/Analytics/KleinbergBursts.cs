namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Bursts in a topic's yearly counts: Kleinberg's two-state automaton for batched arrivals ("Bursty and hierarchical
/// structure in streams", KDD 2002, §4). Year <c>t</c> brings <c>r[t]</c> papers of the topic among <c>d[t]</c> papers;
/// the base state expects the topic's overall share <c>p0 = Σr / Σd</c>, the burst state <c>p1 = s·p0</c>. The state
/// sequence minimizing the binomial costs plus <c>γ·ln(n)</c> per move up (moves down are free) is found by Viterbi; each
/// maximal run of burst years is a burst.
/// </summary>
public static class KleinbergBursts
{
    /// <summary>Bursts of <paramref name="relevant"/> among <paramref name="total"/>, one entry per consecutive time step.</summary>
    /// <param name="relevant">Papers of the topic per step.</param>
    /// <param name="total">Papers per step (each at least the relevant count).</param>
    /// <param name="s">Ratio of the burst rate to the base rate, &gt; 1. Default 2.</param>
    /// <param name="gamma">Cost of entering the burst state, in units of ln(n), ≥ 0. Default 1.</param>
    /// <returns>Each burst's first and last step (indexes) and weight: the cost its steps save in the burst state over the base state.</returns>
    public static IReadOnlyList<BurstSpan> Detect(IReadOnlyList<int> relevant, IReadOnlyList<int> total, double s = 2, double gamma = 1)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentNullException.ThrowIfNull(total);
        if (relevant.Count != total.Count)
        {
            throw new ArgumentException("Relevant and total counts differ in length.", nameof(total));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(s, 1, nameof(s));
        ArgumentOutOfRangeException.ThrowIfNegative(gamma, nameof(gamma));
        var n = relevant.Count;
        long r = 0, d = 0;
        for (var t = 0; t < n; t++)
        {
            if (relevant[t] < 0 || total[t] < relevant[t])
            {
                throw new ArgumentException($"Step {t}: {relevant[t]} relevant of {total[t]}.", nameof(relevant));
            }

            (r, d) = (r + relevant[t], d + total[t]);
        }

        if (n == 0 || r == 0 || r == d)
        {
            return [];
        }

        var p0 = (double)r / d;
        var p1 = Math.Min(s * p0, 0.9999);
        var up = gamma * Math.Log(n);

        // Viterbi over two states; the binomial coefficient is the same in both states and cancels.
        var cost = new double[n, 2];
        var from = new int[n, 2];
        for (var t = 0; t < n; t++)
        {
            for (var state = 0; state < 2; state++)
            {
                var own = Cost(relevant[t], total[t], state == 0 ? p0 : p1);
                if (t == 0)
                {
                    // The automaton starts in the base state: starting in a burst costs the move up.
                    cost[t, state] = own + (state == 1 ? up : 0);
                    continue;
                }

                var stay = cost[t - 1, state];
                var move = cost[t - 1, 1 - state] + (state == 1 ? up : 0);
                (cost[t, state], from[t, state]) = stay <= move ? (stay + own, state) : (move + own, 1 - state);
            }
        }

        var states = new int[n];
        states[n - 1] = cost[n - 1, 1] < cost[n - 1, 0] ? 1 : 0;
        for (var t = n - 1; t > 0; t--)
        {
            states[t - 1] = from[t, states[t]];
        }

        var bursts = new List<BurstSpan>();
        for (var t = 0; t < n; t++)
        {
            if (states[t] != 1)
            {
                continue;
            }

            var start = t;
            var weight = 0.0;
            for (; t < n && states[t] == 1; t++)
            {
                weight += Cost(relevant[t], total[t], p0) - Cost(relevant[t], total[t], p1);
            }

            bursts.Add(new BurstSpan(start, t - 1, weight));
        }

        return bursts;
    }

    /// <summary>−ln of the binomial likelihood of <paramref name="r"/> of <paramref name="d"/> at rate <paramref name="p"/>, without the coefficient.</summary>
    private static double Cost(int r, int d, double p) => -((r * Math.Log(p)) + ((d - r) * Math.Log(1 - p)));
}

/// <summary>A burst: its first and last time step (inclusive) and its weight (cost saved in the burst state).</summary>
public sealed record BurstSpan(int Start, int End, double Weight);
