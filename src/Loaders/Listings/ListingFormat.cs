using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Listings;

/// <summary>Hugging Face paper listings saved as text: recognised by the page header lines (<c>Daily Papers</c>, <c>Subscribe</c>, …).</summary>
internal sealed class ListingFormat : IInputFormat
{
    public string Name => "hf-listing";

    public string Description => "Hugging Face paper listing saved as text (layouts A, B, C).";

    public IReadOnlyList<string> Aliases => ["listing"];

    public IReadOnlyList<string> Extensions => [".txt"];

    public InputShape Shape => InputShape.Text;

    public int Order => 10;

    public SniffMatch Sniff(InputHead head) => ListingReader.HasListingHeader(head.Text) ? SniffMatch.Strong : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new ListingReader();
}
