using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>How to order a list of papers.</summary>
public sealed class PaperOrderType : EnumerationGraphType
{
    public PaperOrderType()
    {
        Name = "PaperOrder";
        Description = "How to order papers; every order but LOAD_ORDER is descending, ties in load order.";
        Add("LOAD_ORDER", PaperOrder.LoadOrder, "The order papers were first stored in.");
        Add("PUBLISHED", PaperOrder.Published, "Newest first; papers without a year last.");
        Add("PAGERANK", PaperOrder.PageRank, "Highest PageRank first (after analytics).");
        Add("CITATIONS", PaperOrder.Citations, "Most cited first.");
        Add("UPVOTES", PaperOrder.Upvotes, "Most upvoted first.");
    }
}
