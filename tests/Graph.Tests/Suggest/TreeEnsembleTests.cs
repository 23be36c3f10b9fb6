using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>The served ranker's trees: scored as ML.NET's FastTree scores them, written and read back, bad files refused with file:line.</summary>
public sealed class TreeEnsembleTests
{
    // Tree 1: input 0 ≤ 0.5 → leaf 0 (1.0), else node 1: input 2 ≤ 3 → leaf 1 (-2.0), else leaf 2 (4.0). Tree 2: a stump on input 1.
    private static TreeEnsemble Sample() => TreeEnsemble.From(0.25,
    [
        (1.0, [0, 2], [0.5f, 3f], [-1, -2], [1, -3], [1.0, -2.0, 4.0]),
        (0.5, [1], [10f], [-1], [-2], [2.0, -6.0]),
    ]);

    [Theory]
    [InlineData(0.2f, 0f, 9f, 0.25 + 1.0 + (0.5 * 2.0))]
    [InlineData(0.5f, 0f, 9f, 0.25 + 1.0 + (0.5 * 2.0))] // equal to the threshold goes left
    [InlineData(0.7f, 11f, 2f, 0.25 - 2.0 - (0.5 * 6.0))]
    [InlineData(0.7f, 10f, 3.5f, 0.25 + 4.0 + (0.5 * 2.0))]
    public void Each_tree_goes_left_at_or_below_its_threshold_and_the_leaves_add_up_with_their_weights(float a, float b, float c, double expected)
    {
        Assert.Equal(expected, Sample().Score([a, b, c]), 9);
    }

    [Fact]
    public void The_text_form_reads_back_to_the_same_scores()
    {
        var writer = new StringWriter();
        Sample().Write(writer);

        var read = TreeEnsemble.Read(new StringReader(writer.ToString()), "ranker.txt");

        Assert.Equal(3, read.Inputs);
        foreach (var x in new[] { new[] { 0.1f, 20f, 1f }, [0.9f, 5f, 7f], [0.9f, 5f, 1f] })
        {
            Assert.Equal(Sample().Score(x), read.Score(x), 12);
        }
    }

    [Theory]
    [InlineData("bias 0\ntree 1 | 0:0.5:-1:-2 | 1.0\n", "ranker.txt:")] // two children, one leaf
    [InlineData("bias 0\ntree 1 | 0:0.5:0:-2 | 1 2\n", "ranker.txt:")] // a node that is its own child: a loop
    [InlineData("bias 0\n\ntree 1 | 0:x:-1:-2 | 1 2\n", "ranker.txt:3")] // not a number, on line 3
    [InlineData("bias 0\ntree 1 0:0.5:-1:-2 1 2\n", "ranker.txt:2")]
    public void A_malformed_file_is_refused_naming_it_and_the_line(string text, string where)
    {
        var e = Assert.Throws<FormatException>(() => TreeEnsemble.Read(new StringReader(text), "ranker.txt"));
        Assert.StartsWith(where, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_inputs_are_an_error_not_a_wrong_score()
    {
        Assert.Throws<ArgumentException>(() => Sample().Score([1f, 2f]));
    }
}
