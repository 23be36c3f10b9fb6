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
