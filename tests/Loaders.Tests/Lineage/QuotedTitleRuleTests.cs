using CiteGraph.Loaders.Lineage;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// The quoted-title rule walks a trie of the corpus's titles from every word of every text. Its root's children are
/// an array by word and "a title ends here" a bit a node (the dictionaries asked at every word were cache misses at a
/// million papers): it must propose exactly what the walk through dictionaries proposed — the same pairs, evidence,
/// signals and order — where titles open alike, where one title is the start of another, where a text quotes several
/// titles or the same one twice, and with dates missing, equal and out of order.
/// </summary>
public sealed class QuotedTitleRuleTests
{
    private static List<LineagePaper> Corpus(int count, int seed)
    {
        var random = new Random(seed);
        string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => RandomWording.Words[random.Next(RandomWording.Words.Length)]));
        var papers = new List<LineagePaper>();
        for (var i = 0; i < count; i++)
        {
            // Few words, so that titles open alike; some titles are an earlier title and more words (a title inside a title).
            var title = papers.Count > 0 && random.Next(4) == 0
                ? $"{papers[random.Next(papers.Count)].Title} {Sentence(random.Next(1, 3))}"
                : Sentence(random.Next(3, 8));
            var quotes = Enumerable.Range(0, random.Next(3)).Select(_ => papers.Count == 0 ? "" : papers[random.Next(papers.Count)].Title);
            var text = $"{title}. {Sentence(random.Next(5, 20))} {string.Join($" {Sentence(random.Next(0, 3))} ", quotes)} {Sentence(random.Next(0, 8))}";
            papers.Add(new LineagePaper { Id = $"p{i}", Title = title, Text = text, Date = RandomWording.Date(random) });
        }

        return papers;
    }

    [Theory]
    [InlineData(200, 1)]
    [InlineData(1500, 2)]
    [InlineData(5000, 3)]
    public void Proposes_exactly_what_the_walk_through_dictionaries_proposed(int count, int seed)
    {
        var papers = Corpus(count, seed);
        var actual = new List<(int, int, string, LineageSignals)>();
        LineageInferrer.Titles(papers, (from, to, evidence, signals) => actual.Add((from, to, evidence, signals)));
        var expected = new List<(int, int, string, LineageSignals)>();
        DictionaryTitles(papers, (from, to, evidence, signals) => expected.Add((from, to, evidence, signals)));

        Assert.True(expected.Count > count / 10, $"the corpus quotes titles ({expected.Count} proposals)");
        Assert.Contains(expected, e => e.Item4.TitleWords > 4);
        Assert.Equal(expected, actual);
    }

    // The rule as it was written before this branch (main at b0d8aa0): the reference it must match.
    private static void DictionaryTitles(IReadOnlyList<LineagePaper> papers, Action<int, int, string, LineageSignals> add)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var children = new Dictionary<long, int>();
        var titlesEndingAt = new Dictionary<int, List<int>>();
        for (var i = 0; i < papers.Count; i++)
        {
            var words = LineageInferrer.Normalized(papers[i].Title);
            if (words.Length < 4 || papers[i].Title.Length < 25)
            {
                continue;
            }

            var node = 0;
            foreach (var word in words)
            {
                if (!vocabulary.TryGetValue(word, out var id))
                {
                    vocabulary[word] = id = vocabulary.Count;
                }

                var edge = ((long)node << 32) | (uint)id;
                if (!children.TryGetValue(edge, out var child))
                {
                    children[edge] = child = children.Count + 1;
                }

                node = child;
            }

            if (!titlesEndingAt.TryGetValue(node, out var list))
            {
                titlesEndingAt[node] = list = [];
            }

            list.Add(i);
        }

        for (var i = 0; i < papers.Count; i++)
        {
            var text = papers[i].Text;
            var body = text[Math.Min(text.Length, papers[i].Title.Length + 2)..];
            var words = LineageInferrer.Normalized(body);
            var found = new HashSet<int>();
            for (var w = 0; w < words.Length; w++)
            {
                var node = 0;
                for (var d = w; d < words.Length && vocabulary.TryGetValue(words[d], out var id) && children.TryGetValue(((long)node << 32) | (uint)id, out node); d++)
                {
                    if (!titlesEndingAt.TryGetValue(node, out var titles))
                    {
                        continue;
                    }

                    var length = d - w + 1;
                    foreach (var target in titles)
                    {
                        if (target != i && found.Add(target) && LineagePaper.Compare(papers[i].Date, papers[target].Date) is null or >= 0)
                        {
                            add(i, target, $"title: {papers[target].Title}", new LineageSignals("title", TitleWords: length));
                        }
                    }
                }
            }
        }
    }
}
