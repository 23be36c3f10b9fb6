using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>What the derive stage hands the lineage rules, made from papers as it makes them: each paper's topics in one corpus (built), and its lineage view.</summary>
internal static class LineageInputs
{
    public static (TopicCorpus Corpus, List<LineagePaper> Lineage) From(IEnumerable<PaperText> papers)
    {
        var corpus = new TopicCorpus();
        var lineage = new List<LineagePaper>();
        foreach (var p in papers)
        {
            var extraction = TopicExtractor.Extract(p.Title, p.Abstract, p.Keywords);
            corpus.Add(p.Id, extraction);
            lineage.Add(LineagePaper.From(p, extraction));
        }

        corpus.Build();
        return (corpus, lineage);
    }
}
