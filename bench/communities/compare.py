#!/usr/bin/python3
"""Community quality (issue 19, item 4): CiteGraph's Leiden and Louvain (through the real CLI: load, analyze, read the
store) against igraph's Leiden and Louvain on the same graphs in the same run, scored against labels nobody here wrote.

Labelled graphs: Zachary's karate club (the club's real split, from networkx) and LFR benchmark graphs (networkx's
generator; its planted communities are the truth), mixing mu 0.1-0.6. Cora's labels (.content) are not obtainable
without the internet (see bench/RESULTS.md), so Cora (cora.cites) and the Hugging Face corpus are reported without
labels: communities, singleton share, size spread and modularity, ours beside igraph's.

Usage: compare.py CITEGRAPH_CMD OUT_DIR [--hf-db HF.db]   (CITEGRAPH_CMD: path of the published citegraph executable)
Writes OUT_DIR/communities.json and prints a Markdown section on stdout.
"""
import json, os, random, shutil, sqlite3, statistics, subprocess, sys, time
import igraph as ig
import leidenalg
import networkx as nx

exe, out = sys.argv[1], sys.argv[2]
hf_db = sys.argv[sys.argv.index("--hf-db") + 1] if "--hf-db" in sys.argv else None
os.makedirs(out, exist_ok=True)
SEED = 42


def citegraph(*args):
    r = subprocess.run([exe, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"citegraph {' '.join(args)} failed: {r.stderr[-2000:]}")
    return r.stdout


def ours(name, edges, algorithm):
    """Loads the edge list into a fresh store, runs analyze on the citations, returns node -> level-0 community."""
    path = os.path.join(out, f"{name}.cites")
    with open(path, "w") as f:
        for a, b in edges:
            f.write(f"{a}\t{b}\n")
    db = os.path.join(out, f"{name}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    citegraph("load", path, "--db", db, "--no-derive", "--quiet")
    report = json.loads(citegraph("analyze", "--db", db, "--graph", "citations", "--algorithms", algorithm, "--json"))
    con = sqlite3.connect(db)
    # The loader keeps each node id as an external id of kind EdgeList ("cora:NODE").
    rows = con.execute("SELECT e.value, p.community FROM paper p JOIN external_id e ON e.paper_pk = p.pk WHERE e.kind = 'EdgeList'").fetchall()
    con.close()
    return {v.split(":", 1)[1]: c for v, c in rows}, report


def igraph_of(edges):
    g = ig.Graph.TupleList(((str(a), str(b)) for a, b in edges), directed=False)
    g.simplify(multiple=True, loops=True, combine_edges="sum")
    return g


def theirs(g, algorithm):
    random.seed(SEED)
    if algorithm == "leiden":
        part = leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, seed=SEED, n_iterations=2)
        return list(part.membership)
    return g.community_multilevel().membership


def sizes(membership):
    counts = {}
    for c in membership:
        counts[c] = counts.get(c, 0) + 1
    s = sorted(counts.values())
    return {"communities": len(s), "singleton_share": sum(1 for x in s if x == 1) / len(membership),
            "largest": s[-1], "median": statistics.median(s)}


def score(g, name, edges, truth):
    """Rows for the four runs on one graph; truth (node -> label) may be None."""
    names = g.vs["name"]
    rows = []
    for algorithm in ("leiden", "louvain"):
        mine, report = ours(name, edges, algorithm)
        ours_m = [mine[n] for n in names]
        igm = theirs(g, algorithm)
        for who, m in (("CiteGraph", ours_m), ("igraph", igm)):
            row = {"graph": name, "algorithm": algorithm, "who": who, "modularity": g.modularity(m), **sizes(m)}
            if truth is not None:
                labels = {l: i for i, l in enumerate(sorted(set(truth.values()), key=str))}
                t = [labels[truth[n]] for n in names]
                row["nmi"] = ig.compare_communities(t, m, method="nmi")
                row["ari"] = ig.compare_communities(t, m, method="adjusted_rand")
            rows.append(row)
    return rows


results = []
# Zachary's karate club: the split the club really went through.
karate = nx.karate_club_graph()
edges = [(a, b) for a, b in karate.edges()]
truth = {str(n): karate.nodes[n]["club"] for n in karate.nodes()}
results += score(igraph_of(edges), "karate", edges, truth)

# LFR benchmarks: planted communities, mixing mu (share of each node's edges leaving its community).
for mu in (0.1, 0.3, 0.5, 0.6):
    lfr = nx.LFR_benchmark_graph(1000, 3, 1.5, mu, average_degree=15, max_degree=50, min_community=20, max_community=100, seed=SEED)
    lfr.remove_edges_from(nx.selfloop_edges(lfr))
    edges = list(lfr.edges())
    truth = {}
    for n in lfr.nodes():
        truth[str(n)] = min(lfr.nodes[n]["community"])
    results += score(igraph_of(edges), f"lfr-1000-mu{mu}", edges, truth)

# Cora: the citation graph without its labels.
cora = []
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "cora-classic", "cora.cites")) as f:
    for line in f:
        a, b = line.split()
        cora.append((b, a))
results += score(igraph_of(cora), "cora (no labels)", cora, None)

hf = None
if hf_db:
    # The Hugging Face corpus: default analyze (auto) on a copy of a store loaded, derived and embedded before.
    copy = os.path.join(out, "hf.db")
    shutil.copy(hf_db, copy)
    for graph in ("citations", "auto"):
        report = json.loads(citegraph("analyze", "--db", copy, "--graph", graph, "--json"))
        hf = hf or {}
        hf[graph] = {"graph": (report.get("graph") or {}).get("name", graph), "reason": (report.get("graph") or {}).get("reason", ""),
                     "levels": report["levels"], "modularity": report["modularity"]}
    con = sqlite3.connect(copy)
    hf["top20"] = con.execute("SELECT size, label FROM community WHERE level = 0 ORDER BY size DESC LIMIT 20").fetchall()
    hf["level1"] = con.execute("SELECT size, label FROM community WHERE level = 1 ORDER BY size DESC LIMIT 12").fetchall()
    con.close()

json.dump({"rows": results, "hf": hf}, open(os.path.join(out, "communities.json"), "w"), indent=1)

print("| graph | algorithm | who | NMI | ARI | communities | singletons | largest | median | modularity |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for r in results:
    nmi = f"{r['nmi']:.3f}" if "nmi" in r else "–"
    ari = f"{r['ari']:.3f}" if "ari" in r else "–"
    print(f"| {r['graph']} | {r['algorithm']} | {r['who']} | {nmi} | {ari} | {r['communities']:,} | {r['singleton_share']:.1%} | "
          f"{r['largest']:,} | {r['median']:g} | {r['modularity']:.4f} |")
if hf:
    print()
    for graph, h in ((g, hf[g]) for g in ("citations", "auto")):
        print(f"- Hugging Face corpus, `analyze --graph {graph}`: communities on **{h['graph']}** ({h['reason']}); "
              f"modularity {h['modularity']:.4f}")
        for level in h["levels"]:
            print(f"  - level {level['level']}: {level['communities']:,} communities, {level['singletonShare']:.1%} single papers, "
                  f"largest {level['largest']:,}, median {level['median']:g}")
    print()
    print("  Top 20 communities of the default run (level 0; size, label): " + "; ".join(f"{s} {l}" for s, l in hf["top20"]))
    print()
    print("  Largest level-1 communities: " + "; ".join(f"{s} {l}" for s, l in hf["level1"]))
