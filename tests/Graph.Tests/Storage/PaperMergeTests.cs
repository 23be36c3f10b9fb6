using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Tests.Storage;

public class PaperMergeTests
{
    [Fact]
    public void Merge_IdOnlySourceWithLongerTitle_KeepsTheRealTitle()
    {
        PaperRecord[] records =
        [
            new() { Title = "cit-HepPh-with-a-long-name:9907233", Source = new SourceRef("cit-HepPh.txt", 1, "edgelist-ids") },
            new() { Title = "Short Title", Source = new SourceRef("papers.jsonl", 3, "arxiv") },
        ];

        Assert.Equal("Short Title", PaperMerge.Merge("P0000000000000001", records).Title);
    }

    [Fact]
    public void Merge_OnlyIdOnlySources_UsesTheNodeId()
    {
        PaperRecord[] records = [new() { Title = "cora:35", Source = new SourceRef("cora.cites", 2, "cora-cites-ids") }];

        Assert.Equal("cora:35", PaperMerge.Merge("P0000000000000001", records).Title);
    }
}
