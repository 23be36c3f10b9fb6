namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// The citations the lineage rules propose before the same-subject gate (<see cref="LineageInferrer.Propose"/>), by
/// corpus index, and the papers they involve: the gate needs the vectors of those papers only, a small share of a
/// large corpus (a million 384-dimension vectors are 1.5 GB as floats).
/// </summary>
public sealed class LineageProposals
{
    private readonly List<(int From, int To, string Evidence, LineageSignals Signals)> _items = [];
    private readonly HashSet<int> _papers = [];

    /// <summary>The proposals in the order the rules made them: citing and cited index, the matched text, the rule's signals.</summary>
    public IReadOnlyList<(int From, int To, string Evidence, LineageSignals Signals)> Items => _items;

    /// <summary>The corpus indices of every citing or cited paper of a proposal.</summary>
    public IReadOnlySet<int> Papers => _papers;

    /// <summary>
    /// The proposals in order, each let go once the caller has moved past it, and the list emptied at the end: the
    /// gate's judged citations replace the proposals as they are made, instead of both being held at the end of lineage
    /// (a generated corpus proposes ~3 a paper: ~300 bytes a paper with their signals and evidence). <see cref="Items"/>
    /// is empty afterwards; <see cref="Papers"/> is kept.
    /// </summary>
    public IEnumerable<(int From, int To, string Evidence, LineageSignals Signals)> Drain()
    {
        for (var i = 0; i < _items.Count; i++)
        {
            var item = _items[i];
            _items[i] = default;
            yield return item;
        }

        Clear();
    }

    /// <summary>
    /// Where each proposal stands, sorted by (citing, cited) and, within a pair, in the order the rules made them: how the
    /// gate walks them pair by pair (12 bytes a proposal).
    /// </summary>
    public ProposalPosition[] ByPair()
    {
        var order = new ProposalPosition[_items.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = new ProposalPosition(_items[i].From, _items[i].To, i);
        }

        Array.Sort(order);
        return order;
    }

    /// <summary>Lets go of one proposal's evidence and signals once judged; its place stays, empty.</summary>
    /// <param name="index">The proposal's index in <see cref="Items"/>.</param>
    public void Release(int index) => _items[index] = default;

    /// <summary>Empties <see cref="Items"/> (after the last <see cref="Release"/>); <see cref="Papers"/> is kept.</summary>
    public void Clear()
    {
        _items.Clear();
        _items.TrimExcess();
    }

    /// <summary>Adds a proposal; a paper citing itself is none.</summary>
    public void Add(int from, int to, string evidence, LineageSignals signals)
    {
        if (from == to)
        {
            return;
        }

        _items.Add((from, to, evidence, signals));
        _papers.Add(from);
        _papers.Add(to);
    }
}

/// <summary>A proposal's citing and cited paper and its index in <see cref="LineageProposals.Items"/>, ordered in that order.</summary>
/// <param name="From">The citing paper's corpus index.</param>
/// <param name="To">The cited paper's corpus index.</param>
/// <param name="Index">The proposal's index in <see cref="LineageProposals.Items"/>.</param>
public readonly record struct ProposalPosition(int From, int To, int Index) : IComparable<ProposalPosition>
{
    /// <inheritdoc />
    public int CompareTo(ProposalPosition other) =>
        From != other.From ? From.CompareTo(other.From) : To != other.To ? To.CompareTo(other.To) : Index.CompareTo(other.Index);
}
