using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// The title-phrase rule holds its phrases as hashed keys in sorted runs, not as a dictionary of strings to lists: it must
/// propose exactly what the dictionary version proposed — the same pairs, phrases, signals and order — including where
/// two phrases are equally rare and equally long (the one written first wins), on corpora whose phrases are shared by
/// a few papers or by too many, with dates missing, equal and out of order.
/// </summary>
public sealed class TitlePhraseRuleTests
{
    private static readonly string[] Glue = ["of", "for", "the", "with", "and", "a", "in", "on"];

    private static List<LineagePaper> Corpus(int count, int seed)
    {
        var random = new Random(seed);
        string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length)
            .Select(_ => random.Next(5) == 0 ? Glue[random.Next(Glue.Length)] : RandomWording.Words[random.Next(RandomWording.Words.Length)]));
        var papers = new List<LineagePaper>();
        for (var i = 0; i < count; i++)
        {
            var title = Sentence(random.Next(3, 9));
            // Abstracts write their own title's words and, often, a phrase of an earlier or later title.
            var borrowed = papers.Count > 0 && random.Next(2) == 0 ? papers[random.Next(papers.Count)].Title : "";
            var text = $"{title}. {Sentence(random.Next(10, 30))} {borrowed} {Sentence(random.Next(0, 10))}";
            papers.Add(new LineagePaper { Id = $"p{i}", Title = title, Text = text, Date = RandomWording.Date(random) });
        }

        return papers;
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(1500, 2)]
    [InlineData(4000, 3)]
    public void Proposes_exactly_what_the_dictionary_of_phrase_strings_proposed(int count, int seed)
    {
        var papers = Corpus(count, seed);
        var actual = new List<(int, int, string, LineageSignals)>();
        LineageInferrer.TitlePhrases(papers, (from, to, evidence, signals) => actual.Add((from, to, evidence, signals)));
        var expected = new List<(int, int, string, LineageSignals)>();
        DictionaryTitlePhrases(papers, (from, to, evidence, signals) => expected.Add((from, to, evidence, signals)));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Of_two_phrases_equally_rare_and_long_the_one_written_first_is_the_evidence()
    {
        // "alpha beta" and "gamma delta" (same length) are both in the cited title and both written by the citing paper
        // only; the citing paper writes "gamma delta" first, and is the first paper to write either.
        var papers = new List<LineagePaper>
        {
            new() { Id = "citing", Title = "Other work", Text = "Other work. We use gamma delta and alpha beta here.", Date = new PartialDate(2020, 1, null) },
            new() { Id = "cited", Title = "Alpha beta gamma delta", Text = "Alpha beta gamma delta. Unrelated words.", Date = new PartialDate(2019, 1, null) },
        };
        papers.AddRange(Enumerable.Range(0, 200).Select(i => new LineagePaper { Id = $"f{i}", Title = $"Filler q{i}x", Text = $"Filler q{i}x. Nothing z{i}y.", Date = new PartialDate(2010, null, null) }));
        var actual = new List<string>();
        LineageInferrer.TitlePhrases(papers, (_, _, evidence, _) => actual.Add(evidence));
        var expected = new List<string>();
        DictionaryTitlePhrases(papers, (_, _, evidence, _) => expected.Add(evidence));

        Assert.Equal(["phrase: gamma delta"], actual);
        Assert.Equal(expected, actual);
    }

    // The rule as it was written before its phrases became hashed runs (main at 908caf3): the reference it must match.
    private static void DictionaryTitlePhrases(IReadOnlyList<LineagePaper> papers, Action<int, int, string, LineageSignals> add)
    {
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            foreach (var phrase in LineageInferrer.Phrases(LineageInferrer.Normalized(papers[i].Title)).Distinct(StringComparer.Ordinal))
            {
                Get(owners, phrase).Add(i);
            }
        }

        var maxWriters = Math.Min(20, papers.Count / 50);
        if (maxWriters < 2)
        {
            return;
        }

        var writers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            foreach (var phrase in LineageInferrer.Phrases(LineageInferrer.Normalized(papers[i].Text)).Distinct(StringComparer.Ordinal))
            {
                if (owners.TryGetValue(phrase, out var o) && o.Count <= maxWriters)
                {
                    Get(writers, phrase).Add(i);
                }
            }
        }

        var rarest = new Dictionary<(int From, int To), string>();
        foreach (var (phrase, users) in writers)
        {
            if (users.Count > maxWriters)
            {
                continue;
            }

            foreach (var cited in owners[phrase])
            {
                foreach (var u in users)
                {
                    if (u != cited && LineagePaper.Compare(papers[u].Date, papers[cited].Date) is null or >= 0 &&
                        (!rarest.TryGetValue((u, cited), out var seen) || writers[seen].Count > users.Count ||
                         (writers[seen].Count == users.Count && seen.Length < phrase.Length)))
                    {
                        rarest[(u, cited)] = phrase;
                    }
                }
            }
        }

        var proposed = new Dictionary<int, int>();
        foreach (var (from, _) in rarest.Keys)
        {
            proposed[from] = proposed.GetValueOrDefault(from) + 1;
        }

        foreach (var ((from, to), phrase) in rarest.OrderBy(r => r.Key.From).ThenBy(r => r.Key.To))
        {
            var earlier = writers[phrase].Count(w => w != to && LineagePaper.Compare(papers[w].Date, papers[to].Date) < 0);
            add(from, to, $"phrase: {phrase}", new LineageSignals(
                "phrase", Users: writers[phrase].Count, Earlier: earlier, TitleWords: phrase.Count(c => c == ' ') + 1, Proposed: proposed[from]));
        }
    }

    private static List<int> Get(Dictionary<string, List<int>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }
}
