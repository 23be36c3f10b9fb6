using System.Globalization;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// Merges what several sources say about one paper into its stored view. The result does not depend on the order the
/// sources arrived in, so loads are repeatable: the most complete value wins (longest text, most complete date,
/// highest upvote count), ties are broken by ordinal comparison. Records of id-only formats (format names ending in
/// <c>-ids</c>: edge lists carry a node id, no title) give the title only when no other source has one.
/// </summary>
/// <remarks>
/// <see cref="Merge"/> and <see cref="Explain"/> share one selection: a single pass picks, for each field, the record
/// whose value wins. When several records give the winning value, the one with the smallest source (file, then line,
/// then format) is named, so provenance is as order-independent as the merged values.
/// </remarks>
public static class PaperMerge
{
    /// <summary>Format names ending with this suffix carry an id where the title should be (e.g. <c>edgelist-ids</c>).</summary>
    public const string IdOnlyFormatSuffix = "-ids";

    /// <summary>Merges records already resolved to the same paper id.</summary>
    public static Paper Merge(string id, IReadOnlyCollection<PaperRecord> records) => ToPaper(id, Winners.Select(records));

    /// <summary>
    /// Merges records already resolved to the same paper id, as <see cref="Merge"/> does, and names for each merged field
    /// (title, abstract, published, year, authorsCount, organization, upvotes, arxivId, doi) the source record that gave
    /// the winning value. Fields no source gives are absent.
    /// </summary>
    public static MergeExplanation Explain(string id, IReadOnlyCollection<PaperRecord> records)
    {
        var winners = Winners.Select(records);
        var paper = ToPaper(id, winners);
        var fields = new List<FieldProvenance>(PaperFields.All.Count);
        void Add(string field, string? value, PaperRecord? winner)
        {
            if (value is not null && winner is not null)
            {
                fields.Add(new FieldProvenance(field, value, winner.Source));
            }
        }

        Add(PaperFields.Title, paper.Title, winners.Title);
        Add(PaperFields.Abstract, paper.Abstract, winners.Abstract);
        Add(PaperFields.Published, paper.Published, winners.Published);
        // The year is the winning date's year: a date with a year is always more complete than one without.
        Add(PaperFields.Year, Text(paper.Year), winners.Published);
        Add(PaperFields.AuthorsCount, Text(paper.AuthorsCount), winners.AuthorsCount);
        Add(PaperFields.Organization, paper.Organization, winners.Organization);
        Add(PaperFields.Upvotes, Text(paper.Upvotes), winners.Upvotes);
        Add(PaperFields.ArxivId, paper.ArxivId, winners.ArxivId);
        Add(PaperFields.Doi, paper.Doi, winners.Doi);
        return new MergeExplanation(paper, fields);
    }

    private static Paper ToPaper(string id, Winners w) => new()
    {
        Id = id,
        // Every reader gives a title; a paper whose titles are all blank is refused by the store.
        Title = w.Title?.Title!,
        Abstract = w.Abstract?.Abstract,
        Published = w.Published?.Published?.ToString(),
        Year = w.Published?.Published?.Year,
        AuthorsCount = w.AuthorsCount?.AuthorsCount,
        Organization = w.Organization?.Organization,
        Upvotes = w.Upvotes?.Upvotes,
        ArxivId = w.ArxivId?.ArxivId,
        Doi = w.Doi?.Doi,
    };

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The record whose value wins, per field; null where no record gives the field.</summary>
    private sealed class Winners
    {
        public PaperRecord? Title { get; private set; }
        public PaperRecord? Abstract { get; private set; }
        public PaperRecord? Published { get; private set; }
        public PaperRecord? AuthorsCount { get; private set; }
        public PaperRecord? Organization { get; private set; }
        public PaperRecord? Upvotes { get; private set; }
        public PaperRecord? ArxivId { get; private set; }
        public PaperRecord? Doi { get; private set; }

        /// <summary>One pass over the records; each comparison is positive when the candidate's value is the better one.</summary>
        public static Winners Select(IReadOnlyCollection<PaperRecord> records)
        {
            ArgumentNullException.ThrowIfNull(records);
            ArgumentOutOfRangeException.ThrowIfZero(records.Count);
            var w = new Winners();
            foreach (var r in records)
            {
                if (!string.IsNullOrWhiteSpace(r.Title) && Beats(r, w.Title, static (a, b) => CompareTitles(a, b)))
                {
                    w.Title = r;
                }

                if (!string.IsNullOrWhiteSpace(r.Abstract) && Beats(r, w.Abstract, static (a, b) => CompareLonger(a.Abstract!, b.Abstract!)))
                {
                    w.Abstract = r;
                }

                if (r.Published is not null && Beats(r, w.Published, static (a, b) => CompareDates(a.Published!.Value, b.Published!.Value)))
                {
                    w.Published = r;
                }

                if (r.AuthorsCount is not null && Beats(r, w.AuthorsCount, static (a, b) => a.AuthorsCount!.Value.CompareTo(b.AuthorsCount!.Value)))
                {
                    w.AuthorsCount = r;
                }

                if (!string.IsNullOrWhiteSpace(r.Organization) && Beats(r, w.Organization, static (a, b) => CompareLonger(a.Organization!, b.Organization!)))
                {
                    w.Organization = r;
                }

                if (r.Upvotes is not null && Beats(r, w.Upvotes, static (a, b) => a.Upvotes!.Value.CompareTo(b.Upvotes!.Value)))
                {
                    w.Upvotes = r;
                }

                if (r.ArxivId is not null && Beats(r, w.ArxivId, static (a, b) => string.CompareOrdinal(b.ArxivId, a.ArxivId)))
                {
                    w.ArxivId = r;
                }

                if (r.Doi is not null && Beats(r, w.Doi, static (a, b) => string.CompareOrdinal(b.Doi, a.Doi)))
                {
                    w.Doi = r;
                }
            }

            return w;
        }

        /// <summary>
        /// Whether <paramref name="candidate"/> replaces <paramref name="current"/>: a better value, or the same value from a
        /// smaller source, so the winner is the same whatever order the records come in.
        /// </summary>
        private static bool Beats(PaperRecord candidate, PaperRecord? current, Func<PaperRecord, PaperRecord, int> compare)
        {
            if (current is null)
            {
                return true;
            }

            var c = compare(candidate, current);
            return c > 0 || (c == 0 && CompareSources(candidate.Source, current.Source) < 0);
        }

        /// <summary>A title from a format that carries real titles beats a node id; then the longer title wins.</summary>
        private static int CompareTitles(PaperRecord a, PaperRecord b)
        {
            var real = IsRealTitle(a).CompareTo(IsRealTitle(b));
            return real != 0 ? real : CompareLonger(a.Title, b.Title);
        }

        private static bool IsRealTitle(PaperRecord r) => !r.Source.Format.EndsWith(IdOnlyFormatSuffix, StringComparison.Ordinal);

        /// <summary>The longer text wins; of two as long, the ordinally smaller.</summary>
        private static int CompareLonger(string a, string b)
        {
            var length = a.Length.CompareTo(b.Length);
            return length != 0 ? length : string.CompareOrdinal(b, a);
        }

        /// <summary>The more complete date wins; of two as complete, the one whose ISO text is ordinally smaller.</summary>
        private static int CompareDates(PartialDate a, PartialDate b)
        {
            var completeness = a.Completeness.CompareTo(b.Completeness);
            return completeness != 0 ? completeness : string.CompareOrdinal(b.ToString(), a.ToString());
        }

        private static int CompareSources(SourceRef a, SourceRef b)
        {
            var c = string.CompareOrdinal(a.Source, b.Source);
            if (c == 0)
            {
                c = a.Line.CompareTo(b.Line);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Format, b.Format);
        }
    }
}
