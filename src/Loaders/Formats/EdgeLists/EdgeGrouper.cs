using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>
/// Turns a stream of citation edges into paper records: every node becomes a paper (an id-only record, its title the
/// node id, see <see cref="PaperMerge.IdOnlyFormatSuffix"/>), and consecutive edges from the same citing node become
/// one record carrying all its references. Holds only the set of node ids seen, never the edges.
/// </summary>
/// <remarks>
/// With <paramref name="citedAsRecords"/> false (edge lists of arXiv ids or DOIs), a cited node gets no record of its
/// own: the reference names it, so it is the paper with that id, or a stub until that paper arrives. Only citing nodes
/// become (id-only) records, and an arXiv id or DOI goes into the record's <see cref="PaperRecord.ArxivId"/> or
/// <see cref="PaperRecord.Doi"/>, where the resolver looks first and from which the paper's id is made.
/// </remarks>
internal sealed class EdgeGrouper(string source, string format, Func<ExternalId, string> title, bool citedAsRecords = true)
{
    private readonly HashSet<ExternalId> _nodes = [];
    private readonly List<ExternalId> _references = [];
    private ExternalId? _citing;
    private int _citingLine;
    private PartialDate? _citingPublished;

    /// <summary>Distinct nodes seen so far.</summary>
    public int NodeCount => _nodes.Count;

    /// <summary>Edges added so far.</summary>
    public int EdgeCount { get; private set; }

    /// <summary>
    /// Adds the edge <paramref name="citing"/> → <paramref name="cited"/> read at <paramref name="line"/>; returns the records
    /// now complete. <paramref name="citingPublished"/> dates the citing paper where the source says when it appeared.
    /// </summary>
    public IEnumerable<PaperRecord> Add(ExternalId citing, ExternalId cited, int line, PartialDate? citingPublished = null)
    {
        var done = new List<PaperRecord>(2);
        if (_citing != citing)
        {
            if (Flush() is { } previous)
            {
                done.Add(previous);
            }

            _citing = citing;
            _citingLine = line;
            _nodes.Add(citing);
        }

        _citingPublished ??= citingPublished;

        if (!_references.Contains(cited))
        {
            _references.Add(cited);
        }

        EdgeCount++;
        if (citedAsRecords && _nodes.Add(cited))
        {
            done.Add(Node(cited, line, []));
        }

        return done;
    }

    /// <summary>A node named on its own (a node-attribute line); returns its record, or nothing when it was already seen.</summary>
    public PaperRecord? AddNode(ExternalId node, int line) => _nodes.Add(node) ? Node(node, line, []) : null;

    /// <summary>The record of the last citing node, if any.</summary>
    public PaperRecord? Flush()
    {
        if (_citing is not { } citing)
        {
            return null;
        }

        var record = Node(citing, _citingLine, _references.ToArray()) with { Published = _citingPublished };
        _citing = null;
        _citingPublished = null;
        _references.Clear();
        return record;
    }

    private PaperRecord Node(ExternalId id, int line, IReadOnlyList<ExternalId> references) => new()
    {
        Title = title(id),
        ArxivId = id.Kind == ExternalIdKind.Arxiv ? id.Value : null,
        Doi = id.Kind == ExternalIdKind.Doi ? id.Value : null,
        ExternalIds = id.Kind is ExternalIdKind.Arxiv or ExternalIdKind.Doi ? [] : [id],
        References = references,
        Source = new SourceRef(source, line, format),
    };
}
