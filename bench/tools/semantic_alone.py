#!/usr/bin/env python3
"""Experimental (session 17, issue 15): semantic closeness alone, outside the engine, on the training papers only.

Ranks every earlier paper (the citing paper's month or earlier) by the cosine of embedding vectors written by
bench/tools/embed-models.cs and scores recall@10 and MRR against the shared corpus's references.tsv, for the citing papers
of the years given (default 2018-2019: the training side; nothing of 2020 on is read unless asked). Each variant is
compared with the first model paper by paper (mean difference ± its standard error).

  semantic_alone.py DIR models minilm arctic [arcticq]  the models, their mean, and (with arcticq) arctic query→document
  semantic_alone.py DIR rocchio                          minilm with pseudo-relevance feedback (Rocchio) on the vector
  semantic_alone.py DIR hub                              minilm corrected for hubness (CSLS), density over every paper
                                                         and over the papers up to the asking paper's month
Options: --years 2012-2017 (the citing papers judged). Needs numpy. Results: bench/RESULTS.md, session 17's notes.
"""
import collections, email.utils, json, os, sys
import numpy as np

CORPUS = os.path.join(os.path.dirname(__file__), '../../../shared/data/neurips-icml-citations')
args = sys.argv[1:]
years = range(2018, 2020)
if '--years' in args:
    i = args.index('--years'); a, b = args[i + 1].split('-'); years = range(int(a), int(b) + 1); del args[i:i + 2]
folder, mode, rest = args[0], args[1], args[2:]

papers = [json.loads(l) for l in open(os.path.join(CORPUS, 'papers.jsonl'))]
ids = [p['id'] for p in papers]
months = np.array([(d.year * 12 + d.month - 1) for d in (email.utils.parsedate_to_datetime(p['versions'][0]['created']) for p in papers)])
index = {p: i for i, p in enumerate(ids)}
refs = collections.defaultdict(set)
for line in open(os.path.join(CORPUS, 'references.tsv')):
    a, b = line.split(); refs[index[a]].add(index[b])
judged = [i for i in range(len(ids)) if months[i] // 12 in years and refs[i]]


def load(name):
    assert open(os.path.join(folder, name + '.ids')).read().split() == ids, f'{name}: not the corpus order'
    return np.fromfile(os.path.join(folder, name + '.bin'), dtype=np.float32).reshape(len(ids), -1)


def evaluate(score_of, label, base=None):
    recall, mrr = [], []
    for i in judged:
        s = np.array(score_of(i), dtype=np.float64); s[months > months[i]] = -9; s[i] = -9
        top = np.argpartition(-s, 10)[:10]; top = top[np.argsort(-s[top])]
        hits = [t in refs[i] for t in top]
        recall.append(sum(hits) / len(refs[i])); mrr.append(next((1 / (k + 1) for k, h in enumerate(hits) if h), 0))
    recall = np.array(recall)
    line = f'{label:48s} recall@10 {recall.mean():.4f} MRR {np.mean(mrr):.4f}'
    if base is not None:
        d = recall - base; line += f'  vs first {d.mean():+.4f} ± {d.std(ddof=1) / np.sqrt(len(d)):.4f}'
    print(line)
    return recall


print(f'{len(judged)} citing papers of {years.start}-{years.stop - 1}')
if mode == 'models':
    V = {n: load(n) for n in rest if n != 'arcticq'}
    S = {n: v @ v.T for n, v in V.items()}
    names = list(S)
    base = evaluate(lambda i: S[names[0]][i], names[0])
    for n in names[1:]:
        evaluate(lambda i: S[n][i], n, base)
    if len(names) >= 2:
        evaluate(lambda i: (S[names[0]][i] + S[names[1]][i]) / 2, f'mean of {names[0]} and {names[1]}', base)
    if 'arcticq' in rest and 'arctic' in V:
        Q = load('arcticq') @ V['arctic'].T
        evaluate(lambda i: Q[i], 'arctic, query to document', base)
        if 'minilm' in S:
            evaluate(lambda i: (S['minilm'][i] + Q[i]) / 2, 'mean of minilm and arctic query to document', base)
elif mode == 'rocchio':
    V = load('minilm'); S0 = V @ V.T
    base = evaluate(lambda i: S0[i], 'minilm')
    earlier = S0.copy(); earlier[months[None, :] > months[:, None]] = -9; np.fill_diagonal(earlier, -9)
    order = np.argsort(-earlier, axis=1)
    for m in (3, 5, 10, 20):
        for beta in (0.3, 0.7, 1.5):
            Q = V + beta * V[order[:, :m]].mean(axis=1); Q /= np.linalg.norm(Q, axis=1, keepdims=True)
            S = Q @ V.T
            evaluate(lambda i: S[i], f'rocchio m={m} beta={beta}', base)
elif mode == 'hub':
    V = load('minilm'); S0 = V @ V.T
    base = evaluate(lambda i: S0[i], 'minilm')
    others = S0.copy(); np.fill_diagonal(others, -9)
    ordered = np.sort(others, axis=1)
    upto = {}

    def density_upto(month, k):
        if (month, k) not in upto:
            s = others.copy(); s[:, months > month] = -9
            upto[(month, k)] = np.sort(s, axis=1)[:, -k:].mean(axis=1)
        return upto[(month, k)]

    for k in (50, 100, 200, 500):
        density = ordered[:, -k:].mean(axis=1)
        for lam in (0.15, 0.25, 0.35):
            evaluate(lambda i: S0[i] - lam * density, f'hub k={k} lambda={lam}, every paper', base)
            evaluate(lambda i: S0[i] - lam * density_upto(months[i], k), f'hub k={k} lambda={lam}, up to the month', base)
else:
    sys.exit(f'unknown mode {mode}: models, rocchio or hub')
