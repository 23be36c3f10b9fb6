using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class TermAssociationTests
{
    // Per field, the words citing papers write and the different words the papers they cite write.
    private static readonly (string[] Citing, string[] Cited)[] Fields =
    [
        (["glimmerance", "povitrax", "sorbelline"], ["quenderat", "hollivex", "trumbase"]),
        (["marquetile", "dravonic", "pellastro"], ["vintrelle", "oskadine", "brembolt"]),
        (["ruskivant", "lopendra", "feximore"], ["zantorue", "whelbrix", "cadmorvel"]),
        (["tessivane", "yorbalic", "nuxemfort"], ["graddelin", "spoviret", "klamberon"]),
    ];

    [Fact]
    public void Citations_teach_which_words_of_a_reference_go_with_a_papers_words_it_does_not_share()
    {
        // Per field: 10 cited papers, then 12 citing papers each citing two of them; the last two citing papers per field are left out of the fit.
        var texts = new List<(string Title, string? Abstract)?>();
        var cited = new List<int>[Fields.Length];
        var citing = new List<int>[Fields.Length];
        for (var f = 0; f < Fields.Length; f++)
        {
            cited[f] = [];
            citing[f] = [];
            for (var i = 0; i < 10; i++)
            {
                cited[f].Add(texts.Count);
                texts.Add(($"On {Pick(Fields[f].Cited, i)} number {i}", $"We study {string.Join(" and ", Fields[f].Cited)} in case {i}."));
            }

            for (var i = 0; i < 12; i++)
            {
                citing[f].Add(texts.Count);
                texts.Add(($"Towards {Pick(Fields[f].Citing, i)} study {i}", $"Our {string.Join(" with ", Fields[f].Citing)} analysis, trial {i}."));
            }
        }

        var terms = TermIndex.Build(texts);
        var pairs = Enumerable.Range(0, Fields.Length)
            .SelectMany(f => citing[f].Take(10).SelectMany((p, i) => new[] { (p, cited[f][i % 10]), (p, cited[f][(i + 3) % 10]) })).ToList();

        var association = TermAssociation.Fit(terms, pairs)!;

        Assert.Equal(pairs.Count, association.Pairs);
        var heldOut = Enumerable.Range(0, Fields.Length).SelectMany(f => citing[f].Skip(10).Select(p => (Field: f, Paper: p)));
        foreach (var (field, paper) in heldOut)
        {
            var query = association.Query(paper);
            var scores = Enumerable.Range(0, Fields.Length).SelectMany(f => cited[f].Select(c => (Field: f, Score: association.Score(query, c)))).ToList();
            var own = scores.Where(s => s.Field == field).Min(s => s.Score);
            var others = scores.Where(s => s.Field != field).Max(s => s.Score);

            // Every reference of its own field outscores every paper of another field, with no word in common.
            Assert.True(own > others, $"field {field}: lowest own {own}, highest other {others}");
            var similarity = new float[texts.Count];
            terms.Similarities(paper, similarity);
            Assert.All(cited[field], c => Assert.Equal(0f, similarity[c]));
            Assert.Contains(association.Explain(query, cited[field][0], 3), t => Fields[field].Cited.Any(w => t.Contains(w, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Too_few_citations_fit_nothing()
    {
        var terms = TermIndex.Build([("alpha beta", "gamma"), ("delta epsilon", "zeta"), ("eta theta", "iota")]);

        Assert.Null(TermAssociation.Fit(terms, [(0, 1), (2, 1)]));
    }

    private static string Pick(string[] words, int i) => words[i % words.Length] + " " + words[(i + 1) % words.Length];
}
