"""Peers of CiteGraph's suggested references, in plain Python (no packages needed), on the same split and measures as
`citegraph eval-suggest`:

- tfidf:            cosine of TF-IDF vectors of title + abstract (scikit-learn TfidfVectorizer's defaults with English stop
                    words and sublinear tf: tokens of 2+ word characters, smoothed idf, L2 norm)
- tfidf+popularity: tfidf cosine / best cosine + alpha * log(1 + citations received) / best, alpha chosen on the training
                    years from a grid (the same protocol as CiteGraph's fitted weights)
- popularity:       citations received alone

Split: citing papers of the evaluation years; candidates are papers of the same month or earlier (never the paper
itself); the visible citation graph for a citing paper q holds the truth pairs whose citing paper appeared before
GRAPH_BEFORE and strictly before q's month. Measures per citing paper, averaged: recall@k (share of its truth references
in its top k; references dated after it count as misses), reciprocal rank of the first hit within k, hit (>= 1 found).

usage: suggest_peer.py papers.jsonl references.tsv EVAL_YEARS FIT_YEARS GRAPH_BEFORE K   (years as 2020-2022)
prints one JSON line per method.
"""
import heapq
import json
import math
import re
import sys
import time
from collections import defaultdict

STOP = set("""a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become
becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot could
did do does doing done down due during each eg either else elsewhere enough etc even ever every everyone everything
everywhere except few first for former formerly from further had has have he hence her here hereafter hereby herein
hereupon hers herself him himself his how however i ie if in indeed into is it its itself last latter latterly least
less ltd many may me meanwhile might more moreover most mostly much must my myself namely neither never nevertheless
next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our
ours ourselves out over own per perhaps please rather re same see seem seemed seeming seems several she should since so
some somehow someone something sometime sometimes somewhere still such than that the their them themselves then thence
there thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to
together too toward towards under until up upon us very via was we well were what whatever when whence whenever where
whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will
with within without would yet you your yours yourself yourselves""".split())
MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
TOKEN = re.compile(r"(?u)\b\w\w+\b")


def years(text):
    a, _, b = text.partition("-")
    return int(a), int(b or a)


def month_of(paper):
    created = (paper.get("versions") or [{}])[0].get("created", "")
    m = re.search(r"(\d{1,2}) (\w{3}) (\d{4})", created)
    return (int(m.group(3)), MONTHS[m.group(2).lower()]) if m else None


def main():
    papers_path, refs_path, eval_years, fit_years, graph_before, k = sys.argv[1:7]
    eval_years, fit_years, graph_before, k = years(eval_years), years(fit_years), int(graph_before), int(k)
    start = time.perf_counter()
    ids, month, docs = [], {}, []
    with open(papers_path, encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            ids.append(p["id"])
            month[p["id"]] = month_of(p)
            docs.append(((p.get("title") or "") + " " + (p.get("abstract") or "")).lower())
    index = {pid: i for i, pid in enumerate(ids)}
    n = len(ids)
    mon = [month[pid] for pid in ids]

    # TF-IDF (sublinear tf, smoothed idf, L2), postings per term.
    counts = []
    df = defaultdict(int)
    for doc in docs:
        tf = defaultdict(int)
        for t in TOKEN.findall(doc):
            if t not in STOP:
                tf[t] += 1
        counts.append(tf)
        for t in tf:
            df[t] += 1
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    vectors = []
    postings = defaultdict(list)
    for i, tf in enumerate(counts):
        v = {t: (1 + math.log(c)) * idf[t] for t, c in tf.items()}
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        v = {t: w / norm for t, w in v.items()}
        vectors.append(v)
        for t, w in v.items():
            postings[t].append((i, w))

    truth = defaultdict(set)
    graph_in = defaultdict(list)  # cited -> citing papers whose citations the graph holds
    with open(refs_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or parts[0] not in index or parts[1] not in index or parts[0] == parts[1]:
                continue
            a, b = index[parts[0]], index[parts[1]]
            truth[a].add(b)
            if mon[a] is not None and mon[a][0] < graph_before:
                graph_in[b].append(a)

    cited = sorted(graph_in)

    def ranked_lists(q):
        """Candidates of q with their cosine and visible popularity. Only the 300 most similar and the cited ones can
        reach a top k of any sum of the two (each of the 300 beats every other uncited candidate), so only those are kept."""
        sims = defaultdict(float)
        for t, w in vectors[q].items():
            for d, w2 in postings[t]:
                sims[d] += w * w2
        mq = mon[q]
        ok = lambda c: c != q and mon[c] is not None and mon[c] <= mq
        keep = heapq.nlargest(300, (c for c in sims if ok(c)), key=lambda c: (sims[c], -c))
        cands = {c: (sims[c], 0.0) for c in keep}
        for c in cited:
            if ok(c):
                pop = sum(1 for a in graph_in[c] if mon[a] < mq)
                if pop or c in sims:
                    cands[c] = (sims.get(c, 0.0), math.log(1 + pop))
        return cands

    def top(cands, score):
        scored = [(score(v), ids[c], c) for c, v in cands.items()]
        return [c for _, _, c in heapq.nsmallest(k, ((-s, pid, c) for s, pid, c in scored if s > 0))]

    def measure(ranked, known):
        hits, first = 0, 0
        for i, c in enumerate(ranked):
            if c in known:
                hits += 1
                first = first or i + 1
        return hits / len(known), (1 / first if first else 0.0), hits > 0

    def citing(span):
        return sorted(q for q in truth if mon[q] is not None and span[0] <= mon[q][0] <= span[1])

    prepared = {}
    for q in citing(eval_years) + citing(fit_years):
        cands = ranked_lists(q)
        best_sim = max((v[0] for v in cands.values()), default=0) or 1.0
        best_pop = max((v[1] for v in cands.values()), default=0) or 1.0
        prepared[q] = {c: (s / best_sim, p / best_pop) for c, (s, p) in cands.items()}

    def evaluate(span, score):
        qs = citing(span)
        rows = [measure(top(prepared[q], score), truth[q]) for q in qs]
        m = len(rows) or 1
        return {"papers": len(rows), "recall": sum(r[0] for r in rows) / m, "mrr": sum(r[1] for r in rows) / m,
                "hitShare": sum(1 for r in rows if r[2]) / m,
                "relevant": sum(len(truth[q]) for q in qs)}

    grid = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3]
    alpha = max(grid, key=lambda a: (evaluate(fit_years, lambda v, a=a: v[0] + a * v[1])["recall"], -a))
    seconds = time.perf_counter() - start
    for method, score, extra in [
        ("tfidf", lambda v: v[0], {}),
        ("tfidf+popularity", lambda v: v[0] + alpha * v[1], {"alpha": alpha, "fitYears": "%d-%d" % fit_years}),
        ("popularity", lambda v: v[1], {}),
    ]:
        row = evaluate(eval_years, score)
        row.update(method=method, impl="python", k=k, seconds=round(seconds, 1), **extra)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
