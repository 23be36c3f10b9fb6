#!/usr/bin/env python3
"""Fits the logistic models of src/Loaders/Lineage/LineageCalibration.cs on the training split and prints their weights.

Input: the TSV `citegraph derive --lineage-signals FILE` writes (every proposed inferred citation with its signals),
and a truth TSV of real references (citing arXiv id, cited arXiv id). Only citations whose citing paper is dated
before --train-before (default 2020) are fitted on; the later ones are the held-out test split, never looked at here.
The features are computed exactly as LineageCalibration.MethodFeatures / TitleFeatures / ... do (keep the two in step).
Each rule gets two models: one over the sentence-embedding cosine (`semantic`, proposals whose papers both have a
vector and pass LineageCalibration.MinSemantic) and one over the words' cosine only (`similarity`, the fallback for
papers without vectors, fitted on the same proposals as if they had none, above LineageCalibration.MinSimilarity).
Pure Python (no numpy): Newton's method on the L2-regularized log-likelihood.

    python3 bench/lineage/fit_calibration.py signals.tsv references.tsv [--train-before 2020]
"""
import csv, math, sys


# The gates of LineageCalibration.MinSemantic / MinSimilarity (keep in step).
MIN_SEMANTIC = {'method': 0.5, 'title': 0.5, 'title-name': 0.5, 'phrase': 0.6}
MIN_SIMILARITY = {'method': 0.2, 'title': 0.05, 'title-name': 0.05, 'phrase': 0.1}


def sem(r):
    return float(r['semantic'])


def method_features(r):
    return [1, math.sqrt(float(r['similarity'])), math.log(1 + int(r['users'])), 1 if int(r['claim']) >= 4 else 0]


def title_features(r):
    return [1, min(int(r['title_words']), 12), math.sqrt(float(r['similarity'])), float(r['similarity'])]


def title_name_features(r):
    return [1, math.sqrt(float(r['similarity'])), math.log(1 + int(r['users']))]


def phrase_features(r):
    return [1, math.sqrt(float(r['similarity'])), math.log(1 + int(r['users']))]


def semantic_method_features(r):
    return [1, sem(r), math.sqrt(float(r['similarity'])), math.log(1 + int(r['users'])), 1 if int(r['claim']) >= 4 else 0]


def semantic_features(r):
    return [1, sem(r), math.sqrt(float(r['similarity'])), math.log(1 + int(r['users']))]


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if m[i][i] else 0 for i in range(n)]


def fit(xs, ys, l2=1.0, iterations=50):
    k = len(xs[0])
    w = [0.0] * k
    for _ in range(iterations):
        grad = [-l2 * wi for wi in w]
        grad[0] += l2 * w[0]  # no penalty on the intercept
        hess = [[(l2 if i == j and i > 0 else 0.0) for j in range(k)] for i in range(k)]
        for x, y in zip(xs, ys):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(k):
                grad[i] += (y - p) * x[i]
                for j in range(k):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        step = solve(hess, grad)
        w = [wi + si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def cross_validated_log_loss(xs, ys, l2, folds=5):
    loss = 0.0
    for f in range(folds):
        train = [i for i in range(len(xs)) if i % folds != f]
        w = fit([xs[i] for i in train], [ys[i] for i in train], l2)
        for i in range(f, len(xs), folds):
            z = sum(wi * xi for wi, xi in zip(w, xs[i]))
            p = min(1 - 1e-9, max(1e-9, 1 / (1 + math.exp(-max(-30, min(30, z))))))
            loss -= math.log(p) if ys[i] else math.log(1 - p)
    return loss / len(xs)


def main():
    args = sys.argv[1:]
    train_before = 2020
    if '--train-before' in args:
        i = args.index('--train-before')
        train_before = int(args[i + 1])
        del args[i:i + 2]
    signals, truth_path = args
    truth = set()
    for line in open(truth_path):
        parts = line.split()
        if len(parts) >= 2:
            truth.add((parts[0], parts[1]))
    citing_known = {a for a, _ in truth}
    rows = [r for r in csv.DictReader(open(signals), delimiter='\t', quoting=csv.QUOTE_NONE)
            if r['citing_arxiv'] in citing_known and r['citing_year'] and int(r['citing_year']) < train_before]
    models = (
        ('method', 'similarity', method_features), ('title', 'similarity', title_features),
        ('title-name', 'similarity', title_name_features), ('phrase', 'similarity', phrase_features),
        ('method', 'semantic', semantic_method_features), ('title', 'semantic', semantic_features),
        ('title-name', 'semantic', semantic_features), ('phrase', 'semantic', semantic_features))
    for rule, kind, features in models:
        if kind == 'semantic':
            kept = [r for r in rows if r['rule'] == rule and r['semantic'] and sem(r) >= MIN_SEMANTIC[rule]]
        else:
            kept = [r for r in rows if r['rule'] == rule and float(r['similarity']) >= MIN_SIMILARITY[rule]]
        data = [(features(r), 1 if (r['citing_arxiv'], r['cited_arxiv']) in truth else 0) for r in kept]
        if len(data) < 10:
            print(f'{rule} ({kind}): {len(data)} training citations, too few to fit')
            continue
        xs, ys = [d[0] for d in data], [d[1] for d in data]
        # The L2 strength is chosen by 5-fold cross-validated log loss on the training split alone.
        scores = {l2: cross_validated_log_loss(xs, ys, l2) for l2 in (0.01, 0.03, 0.1, 0.3, 1, 3, 10)}
        l2 = min(scores, key=scores.get)
        w = fit(xs, ys, l2)
        print(f'{rule} ({kind}): {len(data)} training citations ({sum(ys)} real), citing papers before {train_before}; '
              f'L2 {l2} (5-fold log loss ' + ', '.join(f'{k}: {v:.4f}' for k, v in scores.items()) + ')')
        print('    weights = [' + ', '.join(f'{x:.3f}' for x in w) + ']')


if __name__ == '__main__':
    main()
