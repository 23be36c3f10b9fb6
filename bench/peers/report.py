"""Builds bench/RESULTS.md from bench/.out/<dataset>/results.jsonl and the /usr/bin/time -v files."""
import datetime
import json
import os
import platform
import re
import subprocess
import sys
from array import array

PEERS = ["igraph", "graph-tool", "networkx", "leidenalg"]
TIME_FILES = {"citegraph": "citegraph", "igraph": "igraph", "graph-tool": "graphtool", "networkx": "networkx", "leidenalg": "leidenalg"}
ORDER = ["load", "undirected_view", "pagerank", "pagerank-gds", "wcc", "scc", "kcore", "louvain", "leiden",
         "betweenness", "betweenness-undirected"]
DATASETS = ["cora", "cit-hepph", "pa-20k", "pa-20k-undirected", "pa-200k", "pa-1m"]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def machine():
    cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo", encoding="utf-8").read())
    mem = re.search(r"MemTotal:\s*(\d+)", open("/proc/meminfo", encoding="utf-8").read())
    versions = sh("/usr/bin/python3 -c \"import importlib.metadata as m\n"
                  "for p in ['igraph','networkx','leidenalg']:\n"
                  "  try: print(p, m.version(p))\n"
                  "  except Exception: print(p, 'missing')\n"
                  "try:\n  import graph_tool; print('graph-tool', graph_tool.__version__.split()[0])\n"
                  "except Exception: print('graph-tool missing')\"")
    return [
        f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {sh('nproc')} cores (nproc), {cpu.group(1) if cpu else '?'}, "
        f"{int(mem.group(1)) / 1024 / 1024:.1f} GiB RAM, {platform.system()} {platform.release()}",
        "- Load average when the report was written (1/5/15 min): " + " / ".join(f"{x:.1f}" for x in os.getloadavg())
        + " — the machine was shared with other builds/benchmarks during the run, so single timings are noisy",
        f"- .NET SDK {sh('dotnet --version')}; /usr/bin/python3 {platform.python_version()}; peers: "
        + ", ".join(versions.splitlines()),
    ]


def load(dir_):
    rows = {}
    path = os.path.join(dir_, "results.jsonl")
    if not os.path.exists(path):
        return rows
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            rows[(r["impl"], r["algo"])] = r
    return rows


def rss(dir_, impl):
    path = os.path.join(dir_, TIME_FILES[impl] + ".time")
    if not os.path.exists(path):
        return None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path, encoding="utf-8").read())
    return int(m.group(1)) / 1024 if m else None


def doubles(path):
    a = array("d")
    with open(path, "rb") as f:
        a.frombytes(f.read())
    return a


def max_abs(dir_, a, b):
    pa, pb = os.path.join(dir_, a), os.path.join(dir_, b)
    if not (os.path.exists(pa) and os.path.exists(pb)):
        return None
    x, y = doubles(pa), doubles(pb)
    return max((abs(p - q) for p, q in zip(x, y)), default=0.0) if len(x) == len(y) else float("nan")


def max_rel(dir_, a, b):
    pa, pb = os.path.join(dir_, a), os.path.join(dir_, b)
    if not (os.path.exists(pa) and os.path.exists(pb)):
        return None
    x, y = doubles(pa), doubles(pb)
    return max((abs(p - q) / max(1.0, abs(q)) for p, q in zip(x, y)), default=0.0) if len(x) == len(y) else float("nan")


def fmt(s):
    if s is None:
        return "–"
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def quality(algo, rows, dir_):
    cg = rows.get(("citegraph", algo), {})
    ig = rows.get(("igraph", algo), {})
    notes = []
    if algo == "pagerank":
        d = max_abs(dir_, "citegraph-pagerank.bin", "igraph-pagerank.bin")
        if d is not None:
            notes.append(f"max abs diff vs igraph {d:.1e}")
        if "iterations" in cg:
            notes.append(f"CG sweeps {cg['iterations']}")
    elif algo == "pagerank-gds":
        notes.append("GDS semantics (no peer); " + f"{cg.get('iterations', '?')} iterations")
    elif algo in ("wcc", "scc"):
        notes.append(f"count CG {cg.get('count')} / igraph {ig.get('count', '–')}")
    elif algo == "kcore":
        same = cg.get("sum_core") == ig.get("sum_core") and cg.get("max_core") == ig.get("max_core")
        notes.append(f"max core {cg.get('max_core')}; {'same coreness sum as igraph' if same else 'DIFFERS from igraph'}")
    elif algo in ("louvain", "leiden"):
        parts = [f"Q CG {cg['modularity']:.4f} ({cg['communities']} comms)"] if "modularity" in cg else []
        for peer in ("igraph", "leidenalg", "networkx"):
            r = rows.get((peer, algo))
            if r and "modularity" in r:
                parts.append(f"{peer} {r['modularity']:.4f} ({r['communities']})")
        notes.append(", ".join(parts))
    elif algo.startswith("betweenness"):
        d = max_rel(dir_, f"citegraph-{algo}.bin", f"igraph-{algo}.bin")
        if d is not None:
            notes.append(f"max rel diff vs igraph {d:.1e}")
    return "; ".join(notes)


def main():
    out = sys.argv[1]
    lines = ["# Analytics benchmark: CiteGraph vs igraph / graph-tool / networkx / leidenalg", "",
             "Generated by `bench/run-analytics.sh` (do not edit by hand). Same edge list, same run; only the algorithm call is",
             "timed on every side (best of the repeats); `load` = parse + build, `undirected_view` = symmetrize/collapse, reported",
             "separately. Ratio = CiteGraph time / igraph time (< 1 means CiteGraph is faster). CiteGraph runs kernels with",
             "all cores where they are parallel (GDS PageRank, betweenness); igraph, networkx and leidenalg are single-threaded;",
             "graph-tool uses OpenMP. Peak RSS is per process (whole run on that dataset).", ""]
    lines += machine()
    missing = os.path.join(out, "missing-peers.txt")
    if os.path.exists(missing) and open(missing, encoding="utf-8").read().strip():
        lines.append("- Missing peers: " + ", ".join(open(missing, encoding="utf-8").read().split("\n")).strip(", "))
    targets = []
    for ds in DATASETS:
        dir_ = os.path.join(out, ds)
        rows = load(dir_)
        if not rows:
            continue
        load_row = rows.get(("citegraph", "load"), {})
        load_avg = rows.get(("machine", "loadavg"), {}).get("load", "not recorded")
        lines += ["", f"## {ds} ({load_row.get('nodes', '?'):,} nodes, {load_row.get('edges', '?'):,} edges)", "",
                  f"Load average when this dataset started: {load_avg}.", "",
                  "| algorithm | CiteGraph | igraph | ratio | graph-tool | networkx | leidenalg | check |",
                  "|---|---|---|---|---|---|---|---|"]
        for algo in ORDER:
            if ("citegraph", algo) not in rows:
                continue
            cg = rows[("citegraph", algo)]["seconds"]
            ig = rows.get(("igraph", algo), {}).get("seconds")
            ratio = f"{cg / ig:.2f}×" if ig else "–"
            cells = [fmt(rows.get((p, algo), {}).get("seconds")) for p in PEERS[1:]]
            check = "" if algo in ("load", "undirected_view") else quality(algo, rows, dir_)
            lines.append(f"| {algo} | {fmt(cg)} | {fmt(ig)} | {ratio} | {' | '.join(cells)} | {check} |")
            if ig:
                targets.append((ds, algo, cg / ig, rows))
        mem = [f"{impl} {rss(dir_, impl):,.0f} MiB" for impl in TIME_FILES if rss(dir_, impl) is not None]
        lines += ["", "Peak RSS: " + ", ".join(mem)]
    lines += ["", "## Targets (issue 7)", "", "| target | dataset | measured | met |", "|---|---|---|---|"]
    limits = {"pagerank": 1.0, "wcc": 1.0, "leiden": 1.0, "louvain": 0.5, "betweenness": 1.0, "betweenness-undirected": 1.0}
    for ds, algo, ratio, rows in targets:
        if algo not in limits or (algo.startswith("betweenness") and ds not in ("pa-20k", "pa-20k-undirected", "cit-hepph")):
            continue
        ok = ratio <= limits[algo]
        text = f"{ratio:.2f}× igraph"
        if algo == "leiden":
            qc, qi = rows[("citegraph", "leiden")]["modularity"], rows[("igraph", "leiden")]["modularity"]
            ok = ok and qc >= qi - 0.005
            text += f", Q {qc:.4f} vs igraph {qi:.4f}"
        lines.append(f"| {algo} ≤ {limits[algo]}× igraph{' and Q ≥ igraph − 0.005' if algo == 'leiden' else ''} | {ds} | {text} | {'yes' if ok else '**no**'} |")
    big = rss(os.path.join(out, "pa-1m"), "citegraph")
    lines.append(f"| 1M/10M analytics ≤ 4 GB peak RSS | pa-1m | {f'{big:,.0f} MiB' if big else 'not run'} | "
                 f"{('yes' if big <= 4096 else '**no**') if big else '–'} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
