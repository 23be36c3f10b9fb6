using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Tests.Text;

public sealed class LinkExtractorTests
{
    [Fact]
    public void Splits_glued_urls_and_undoes_latex_escapes()
    {
        var links = LinkExtractor.Extract(@"Code at https://github.com/orchid-ml/graph\_weaver}{https://orchid-ml.github.io/weaver} now.");
        Assert.Equal("https://github.com/orchid-ml/graph_weaver", Assert.Single(links.Repos).Repo.Url);
        Assert.Equal(new WebLink("https://orchid-ml.github.io/weaver", LinkKind.ProjectPage), Assert.Single(links.Links));
    }

    [Fact]
    public void Maps_deep_links_to_their_repository_and_keeps_the_deep_link_as_evidence()
    {
        var links = LinkExtractor.Extract("See https://github.com/QuillAI/sparse-lattice-attention/tree/main/kernels.");
        var link = Assert.Single(links.Repos);
        Assert.Equal("https://github.com/quillai/sparse-lattice-attention", link.Repo.Url);
        Assert.Equal("https://github.com/QuillAI/sparse-lattice-attention/tree/main/kernels", link.Evidence);
    }

    [Fact]
    public void Strips_sentence_punctuation_and_unbalanced_brackets_from_urls()
    {
        var links = LinkExtractor.Extract("(see https://doi.org/10.1016/j.chaos.2007.06.062). Page: https://mm-rlhf.github.io.");
        Assert.Equal(new ExternalId(ExternalIdKind.Doi, "10.1016/j.chaos.2007.06.062"), Assert.Single(links.Mentions));
        Assert.Equal("https://mm-rlhf.github.io", Assert.Single(links.Links).Url);
    }

    [Fact]
    public void Classifies_model_hub_and_dataset_urls()
    {
        var links = LinkExtractor.Extract("Weights https://huggingface.co/org/model and data https://huggingface.co/datasets/org/set, site http://example.org/x.");
        Assert.Equal(
            [LinkKind.ModelHub, LinkKind.Dataset, LinkKind.Other],
            links.Links.Select(l => l.Kind));
    }

    [Fact]
    public void Finds_arxiv_mentions_in_text_and_urls_once_each()
    {
        var links = LinkExtractor.Extract("As in arXiv:2001.08361v2 and https://arxiv.org/abs/2001.08361, and arXiv: hep-th/9901001.");
        Assert.Equal(["2001.08361", "hep-th/9901001"], links.Mentions.Select(m => m.Value));
    }

    [Fact]
    public void Two_spellings_of_one_repository_are_one_repository_with_two_pieces_of_evidence()
    {
        var links = LinkExtractor.Extract("https://github.com/a/b.git. and https://github.com/A/B/blob/main/x.py");
        Assert.Equal(2, links.Repos.Count);
        Assert.Single(links.Repos.Select(r => r.Repo).Distinct());
    }

    [Fact]
    public void Text_without_links_gives_nothing()
    {
        var links = LinkExtractor.Extract("Plain text. Nothing to see: 3.14, v2.0 and e-mail a@b.c.");
        Assert.Empty(links.Repos);
        Assert.Empty(links.Links);
        Assert.Empty(links.Mentions);
    }
}
