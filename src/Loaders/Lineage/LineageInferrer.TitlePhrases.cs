using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CiteGraph.Loaders.Lineage;

public static partial class LineageInferrer
{
    /// <summary>
    /// A phrase of a few words from a paper's title ("neural tangent kernel", "proximal policy optimization") that almost
    /// no other paper of the corpus writes, written by a later paper: the rarer the phrase, the likelier the later paper
    /// names that work. Weak alone (a rare phrase can be a coincidence of wording), so it rests on the same-subject gate
    /// and its calibration (<see cref="LineageCalibration"/>). Phrases are a title's word 2- to 4-grams that neither
    /// start nor end with a function word; their document frequency is counted over every paper's text through a
    /// sorted table of title phrases (never all pairs).
    /// </summary>
    /// <remarks>
    /// The phrases are held as keys (<see cref="PhraseKey"/>), never as strings, and their owners and writers as flat
    /// runs of paper indexes, not a <c>List&lt;int&gt;</c> per phrase: a dictionary of strings to lists cost ~1 KB a
    /// paper on a corpus whose titles coin names (most phrases have one owner), the largest structure of the lineage
    /// phase. A phrase's text is made again from its owner's title for the few that are proposed.
    /// </remarks>
    internal static void TitlePhrases(IReadOnlyList<LineagePaper> papers, Action<int, int, string, LineageSignals> add, Action<LineageStep>? step = null)
    {
        // Rarity needs a corpus to be judged by: in a few dozen papers every shared phrase is "rare".
        var maxWriters = Math.Min(MaxPhraseWriters, papers.Count / 50);
        if (maxWriters < 2)
        {
            return;
        }

        // Owners of each title phrase; a phrase in more titles than maxWriters is common currency, never a writer's.
        step?.Invoke(new LineageStep("title phrases: owners", papers.Count));
        var owners = TitlePhraseOwners(papers, maxWriters);

        // Writers of each title phrase (its document frequency over title and abstract), and the order in which the
        // phrases were first written: the tie-break of two phrases equally rare and equally long.
        step?.Invoke(new LineageStep("title phrases: writers", papers.Count));
        var firstWritten = new int[owners.Count];
        Array.Fill(firstWritten, -1);
        var written = 0;
        var writerPairs = new List<long>();
        for (var i = 0; i < papers.Count; i++)
        {
            foreach (var phrase in Phrases(Normalized(papers[i].Text)).Distinct(StringComparer.Ordinal))
            {
                var p = owners.IndexOf(PhraseKey(phrase));
                if (p >= 0)
                {
                    if (firstWritten[p] < 0)
                    {
                        firstWritten[p] = written++;
                    }

                    writerPairs.Add(((long)p << 32) | (uint)i);
                }
            }
        }

        var writers = PhraseRuns.Indexed(writerPairs, owners.Count);
        writerPairs.Clear();
        writerPairs.TrimExcess();

        // Each (citing, cited) pair keeps its rarest shared phrase: fewest writers, then the longest, then the first written.
        step?.Invoke(new LineageStep("title phrases: shared", owners.Count));
        var shared = new List<(int From, int To, int Phrase)>();
        for (var p = 0; p < owners.Count; p++)
        {
            var users = writers.Of(p);
            if (users.Length == 0 || users.Length > maxWriters)
            {
                continue;
            }

            foreach (var cited in owners.Of(p))
            {
                foreach (var u in users)
                {
                    if (u != cited && LineagePaper.Compare(papers[u].Date, papers[cited].Date) is null or >= 0)
                    {
                        shared.Add((u, cited, p));
                    }
                }
            }
        }

        step?.Invoke(new LineageStep("title phrases: proposing", shared.Count));
        var sharedSpan = CollectionsMarshal.AsSpan(shared);
        sharedSpan.Sort((a, b) =>
        {
            var order = a.From != b.From ? a.From.CompareTo(b.From) : a.To.CompareTo(b.To);
            if (order != 0)
            {
                return order;
            }

            order = writers.Of(a.Phrase).Length.CompareTo(writers.Of(b.Phrase).Length);
            order = order != 0 ? order : PhraseLength(owners.Key(b.Phrase)).CompareTo(PhraseLength(owners.Key(a.Phrase)));
            return order != 0 ? order : firstWritten[a.Phrase].CompareTo(firstWritten[b.Phrase]);
        });

        // How many earlier papers each citing paper's rare phrases point to: a paper sharing rare title phrases with many
        // earlier papers is a paper of common wording, and each of them is weaker evidence of one source.
        var texts = new Dictionary<int, string>();
        for (var start = 0; start < sharedSpan.Length;)
        {
            var from = sharedSpan[start].From;
            var end = start;
            var proposed = 0;
            for (; end < sharedSpan.Length && sharedSpan[end].From == from; end++)
            {
                if (end == start || sharedSpan[end].To != sharedSpan[end - 1].To)
                {
                    proposed++;
                }
            }

            for (var k = start; k < end; k++)
            {
                if (k > start && sharedSpan[k].To == sharedSpan[k - 1].To)
                {
                    continue;
                }

                var (_, to, p) = sharedSpan[k];
                var phrase = PhraseText(papers, owners, p, texts);
                var users = writers.Of(p);
                // Papers writing the phrase before the cited paper: the cited paper did not bring it in.
                var earlier = 0;
                foreach (var w in users)
                {
                    if (w != to && LineagePaper.Compare(papers[w].Date, papers[to].Date) < 0)
                    {
                        earlier++;
                    }
                }

                add(from, to, $"phrase: {phrase}", new LineageSignals(
                    "phrase", Users: users.Length, Earlier: earlier, TitleWords: phrase.Count(c => c == ' ') + 1, Proposed: proposed));
            }

            start = end;
        }
    }

    /// <summary>The papers whose title has each phrase, phrases of more than <paramref name="maxOwners"/> titles left out.</summary>
    private static PhraseRuns TitlePhraseOwners(IReadOnlyList<LineagePaper> papers, int maxOwners)
    {
        var keys = new List<UInt128>();
        var owners = new List<int>();
        for (var i = 0; i < papers.Count; i++)
        {
            foreach (var phrase in Phrases(Normalized(papers[i].Title)).Distinct(StringComparer.Ordinal))
            {
                keys.Add(PhraseKey(phrase));
                owners.Add(i);
            }
        }

        return PhraseRuns.Keyed(keys, owners, maxOwners);
    }

    /// <summary>
    /// A phrase's identity: 96 bits of its XxHash128 on top and its length in the low 32 bits (the rule's tie-break reads
    /// the length back). Two distinct phrases share a key with a probability of ~n²/2⁹⁷: ~10⁻¹¹ for 10⁹ distinct phrases.
    /// The hash leads so that sorted keys are spread evenly over their range (<see cref="PhraseRuns.IndexOf"/>'s directory).
    /// </summary>
    internal static UInt128 PhraseKey(string phrase) =>
        ((XxHash128.HashToUInt128(MemoryMarshal.AsBytes(phrase.AsSpan())) >> 32) << 32) | (uint)phrase.Length;

    private static int PhraseLength(UInt128 key) => (int)(uint)key;

    /// <summary>The text of phrase <paramref name="p"/>: made again from its first owner's title (the last few kept).</summary>
    private static string PhraseText(IReadOnlyList<LineagePaper> papers, PhraseRuns owners, int p, Dictionary<int, string> texts)
    {
        if (texts.TryGetValue(p, out var text))
        {
            return text;
        }

        var key = owners.Key(p);
        text = Phrases(Normalized(papers[owners.Of(p)[0]].Title)).First(phrase => PhraseKey(phrase) == key);
        if (texts.Count >= 4096)
        {
            texts.Clear();
        }

        texts[p] = text;
        return text;
    }
}
