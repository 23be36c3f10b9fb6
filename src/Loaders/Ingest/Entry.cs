using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>What the reader stage hands the resolver: a record, a rejection, or the end of one input with its counts.</summary>
/// <param name="Source">The input it came from.</param>
/// <param name="Record">A record to resolve and write.</param>
/// <param name="Rejection">An entry (or a whole input) that could not be read.</param>
/// <param name="Done">The input ended; its report.</param>
/// <param name="Counted">Whether it counts as an entry read (an unreadable input counts once, in its report).</param>
internal readonly record struct Entry(string Source, PaperRecord? Record, Rejection? Rejection, FileReport? Done, bool Counted = true);
