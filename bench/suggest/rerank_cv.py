#!/usr/bin/env python3
"""Two second-stage ideas for suggested references, judged by 2-fold cross-validation by paper on the training papers
(issue 15; hand-written notes in bench/RESULTS.md, "Suggested references"). Neither was kept: both lost recall@10.

1. Pairwise re-ranking of the top 50: candidates that cite each other, or are cited together, tend to be cited
   together, so each candidate gains w_link * sum(1 / (1 + rank) of the other top-50 candidates it is linked to by a
   citation) + w_cocited * sum(log(1 + papers citing both) / (1 + rank)).
2. Citation context: a candidate is also represented by the abstracts of the papers that cite it (they describe it
   in other words); the feature is the TF-IDF cosine of the citing paper's text with that context.

Input: the candidate dump of bench/tools/suggest-features.cs for the training papers with the graph frozen as in
the evaluation (`dotnet run bench/tools/suggest-features.cs -- DB references.tsv 2018-2019 OUT.tsv 2018`), the store
it was dumped from (papers and their ids), and references.tsv. The graph the features may use holds only the
citations whose citing paper is dated before --graph-before (2018), as the dump's features do. The base score is the
served fit (SuggestionWeights.Fitted); folds are by citing paper (seed 11); each fold's weight is chosen on the other.

    python3 bench/suggest/rerank_cv.py OUT.tsv graph.db references.tsv [--graph-before 2018]
"""
import collections, csv, math, random, re, sqlite3, sys

FEATURES = ['KeyTerms', 'Semantic', 'CoTopic', 'CitedBySimilar', 'Popularity', 'CoCitation', 'Coupling', 'DirectCitation', 'Recency']
SERVED = dict(KeyTerms=1, Semantic=2, CoTopic=0.125, CitedBySimilar=1, CoCitation=0.5, Coupling=0.25, Recency=0.25)
TOP = 50
WORD = re.compile(r'[a-z][a-z0-9]+')


def main():
    args = sys.argv[1:]
    graph_before = 2018
    if '--graph-before' in args:
        i = args.index('--graph-before')
        graph_before = int(args[i + 1])
        del args[i:i + 2]
    dump, db_path, truth_path = args
    papers, known = collections.defaultdict(list), {}
    with open(dump) as f:
        rows = csv.reader(f, delimiter='\t')
        header = next(rows)
        ix = {k: i for i, k in enumerate(header)}
        for row in rows:
            known[row[0]] = int(row[ix['known']])
            base = sum(SERVED.get(k, 0) * float(row[ix[k]]) for k in FEATURES)
            papers[row[0]].append((row[1], int(row[ix['label']]), base))
    db = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True)
    by_arxiv, year, text = {}, {}, {}
    for pid, arxiv, y, title, abstract in db.execute('select id, arxiv_id, year, title, abstract from paper'):
        by_arxiv[arxiv], year[pid] = pid, y
        text[pid] = WORD.findall((title + ' ' + (abstract or '')).lower())
    edges = []
    for line in open(truth_path):
        parts = line.split()
        if len(parts) >= 2 and parts[0] in by_arxiv and parts[1] in by_arxiv:
            a, b = by_arxiv[parts[0]], by_arxiv[parts[1]]
            if year[a] is not None and year[a] < graph_before:
                edges.append((a, b))
    linked = {(a, b) for a, b in edges} | {(b, a) for a, b in edges}
    citers = collections.defaultdict(set)
    for a, b in edges:
        citers[b].add(a)
    print(f'{len(papers)} training papers, {len(edges)} citations in the graph before {graph_before}')

    # TF-IDF vectors of the papers and of each cited paper's citation context.
    df = collections.Counter(w for ws in text.values() for w in set(ws))
    n = len(text)

    def vector(words):
        tf = collections.Counter(words)
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in tf.items() if df[w]}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        return {w: x / norm for w, x in v.items()}

    def cosine(a, b):
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0) for w, x in a.items())

    vectors = {p: vector(ws) for p, ws in text.items()}
    context = {c: vector([w for a in cs for w in text[a]]) for c, cs in citers.items()}

    ranked = {}
    for p, cands in papers.items():
        top = sorted(cands, key=lambda c: -c[2])[:TOP]
        out = []
        for i, (cid, label, base) in enumerate(top):
            link = sum(1 / (1 + j) for j, (other, _, _) in enumerate(top) if j != i and (cid, other) in linked)
            cocited = sum(math.log(1 + len(citers[cid] & citers[other])) / (1 + j)
                          for j, (other, _, _) in enumerate(top) if j != i and cid in citers and other in citers)
            ctx = cosine(vectors[p], context[cid]) if cid in context else 0.0
            out.append((label, base, link, cocited, ctx))
        ranked[p] = out

    def recall(ps, w):
        total = 0.0
        for p in ps:
            top = sorted(ranked[p], key=lambda t: -(t[1] + w[0] * t[2] + w[1] * t[3] + w[2] * t[4]))[:10]
            total += sum(t[0] for t in top) / known[p]
        return total / len(ps)

    ps = sorted(p for p in ranked if known[p] > 0)
    random.Random(11).shuffle(ps)
    folds = [ps[::2], ps[1::2]]
    ideas = {
        'pairwise (link, co-cited)': [(a, b, 0) for a in (0, 0.1, 0.25, 0.5, 1, 2) for b in (0, 0.1, 0.25, 0.5, 1, 2)],
        'citation context': [(0, 0, c) for c in (0, 0.1, 0.25, 0.5, 1, 2, 4)],
    }
    print(f'served fit, top {TOP} re-ranked by nothing: recall@10 {recall(ps, (0, 0, 0)):.4f} (all training papers)')
    for name, grid in ideas.items():
        cv, base = 0.0, 0.0
        for k in (0, 1):
            train, test = folds[k], folds[1 - k]
            best = max(grid, key=lambda w: recall(train, w))
            cv += recall(test, best) / 2
            base += recall(test, (0, 0, 0)) / 2
            print(f'  {name}, half {2 - k} held out: weights {best} chosen on the other half; recall@10 {recall(test, best):.4f} against {recall(test, (0, 0, 0)):.4f}')
        print(f'{name}: 2-fold cross-validated recall@10 {cv:.4f} against {base:.4f} without')


if __name__ == '__main__':
    main()
