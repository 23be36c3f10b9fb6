using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Tests.Model;

public sealed class RepoUrlTests
{
    [Theory]
    [InlineData("https://github.com/chauncygu/Safe-Reinforcement-Learning-Baselines.git.", "https://github.com/chauncygu/safe-reinforcement-learning-baselines")]
    [InlineData("https://github.com/fiveai/LAME.", "https://github.com/fiveai/lame")]
    [InlineData("https://github.com/Newbeeer/pfgmpp", "https://github.com/newbeeer/pfgmpp")]
    [InlineData("https://github.com/xuangu-fang/Functional-Bayesian-Tucker-Decomposition.", "https://github.com/xuangu-fang/functional-bayesian-tucker-decomposition")]
    [InlineData("https://github.com/orchid-ml/graph\\_weaver", "https://github.com/orchid-ml/graph_weaver")]
    [InlineData("https://github.com/QuillAI/sparse-lattice-attention/tree/main/kernels", "https://github.com/quillai/sparse-lattice-attention")]
    [InlineData("https://github.com/quillai/sla/blob/main/README.md", "https://github.com/quillai/sla")]
    [InlineData("http://www.github.com/Owner/Repo/", "https://github.com/owner/repo")]
    [InlineData("github.com/anyasims/edge-of-reach", "https://github.com/anyasims/edge-of-reach")]
    [InlineData("https://github.com/a/b.git", "https://github.com/a/b")]
    [InlineData("https://github.com/a/b),", "https://github.com/a/b")]
    [InlineData("https://github.com/a/b#readme", "https://github.com/a/b")]
    [InlineData("https://gitlab.com/Group/Project.", "https://gitlab.com/group/project")]
    public void Normalizes_repository_urls(string raw, string canonical) => Assert.Equal(canonical, RepoUrl.TryParse(raw)?.Url);

    [Theory]
    [InlineData("https://mm-rlhf.github.io.")]
    [InlineData("https://github.com/fiveai")]
    [InlineData("https://github.com/features/copilot")]
    [InlineData("https://huggingface.co/orchid-ml/weaver-7b")]
    [InlineData("not a url")]
    public void Is_null_for_what_is_not_a_repository(string raw) => Assert.Null(RepoUrl.TryParse(raw));

    [Fact]
    public void Keeps_owner_and_name_as_parts()
    {
        var repo = RepoUrl.TryParse("https://github.com/ML-GSAI/RADD.")!;
        Assert.Equal(("github.com", "ml-gsai", "radd"), (repo.Host, repo.Owner, repo.Name));
    }

    [Theory]
    [InlineData("https://github.com/a/b/tree/main/x", true)]
    [InlineData("https://github.com/a/b", false)]
    [InlineData("https://github.com/a/b.git.", false)]
    public void Tells_deep_links(string raw, bool deep) => Assert.Equal(deep, RepoUrl.IsDeepLink(raw));
}
