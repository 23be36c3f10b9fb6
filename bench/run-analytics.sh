#!/usr/bin/env bash
# Runs the CiteGraph analytics kernels and the peers (igraph, graph-tool, networkx, leidenalg) on the same edge lists in the
# same run and writes bench/RESULTS.md.
#
#   bench/run-analytics.sh            # real graphs (cora, cit-HepPh), 20K betweenness, 200K/2M preferential attachment
#   bench/run-analytics.sh --big      # ... plus 1M/10M
#   bench/run-analytics.sh --no-install   # skip apt-get (peers already installed)
#   bench/run-analytics.sh --only=cora,pa-200k   # rerun some datasets; results of the others in bench/.out are kept
#
# Generated graphs go to bench/.data and raw outputs to bench/.out (both git-ignored). Only the algorithm call is timed on
# every side; load (parse + build) and the undirected view are reported separately. Peak RSS is per process (/usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
BIG=0
INSTALL=1
ONLY=""
for arg in "$@"; do
  case "$arg" in
    --big) BIG=1 ;;
    --no-install) INSTALL=0 ;;
    --only=*) ONLY=",${arg#--only=}," ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

PY=/usr/bin/python3          # Debian's python with the apt-installed peers, not pyenv's
DATA=bench/.data
OUT=bench/.out
SHARED=../shared/data
BIN=bench/Analytics.Bench/bin/Release/net10.0/CiteGraph.Analytics.Bench
mkdir -p "$DATA" "$OUT"
: > "$OUT/missing-peers.txt"

if [[ $INSTALL == 1 ]]; then
  apt-get update -qq || echo "apt-get update failed; continuing with what is installed" >&2
  for pkg in python3-igraph python3-networkx python3-leidenalg python3-graph-tool; do
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null \
      || { echo "apt package $pkg is not available; continuing without it" >&2; echo "$pkg" >> "$OUT/missing-peers.txt"; }
  done
fi

have() { "$PY" -c "import $1" 2>/dev/null; }
PEERS=()
have igraph && PEERS+=(igraph) || echo "python3-igraph (import igraph)" >> "$OUT/missing-peers.txt"
have graph_tool && PEERS+=(graphtool) || echo "python3-graph-tool (import graph_tool)" >> "$OUT/missing-peers.txt"
have networkx && PEERS+=(networkx) || echo "python3-networkx (import networkx)" >> "$OUT/missing-peers.txt"
have leidenalg && PEERS+=(leidenalg) || echo "python3-leidenalg (import leidenalg)" >> "$OUT/missing-peers.txt"
echo "peers: ${PEERS[*]}" >&2

dotnet build -c Release bench/Analytics.Bench -nologo -v q >&2

# --- data ------------------------------------------------------------------------------------------------------------------
[[ -f $DATA/pa-20k.txt ]] || "$BIN" gen 20000 5 7 "$DATA/pa-20k.txt"
[[ -f $DATA/pa-200k.txt ]] || "$BIN" gen 200000 10 42 "$DATA/pa-200k.txt"
if [[ $BIG == 1 && ! -f $DATA/pa-1m.txt ]]; then "$BIN" gen 1000000 10 43 "$DATA/pa-1m.txt"; fi
if [[ -f $SHARED/cora/cora.cites ]]; then "$PY" bench/peers/prepare_real.py "$SHARED/cora/cora.cites" "$DATA/cora.txt"; fi
if [[ -f $SHARED/cit-hepph-subset/cit-HepPh.txt ]]; then "$PY" bench/peers/prepare_real.py "$SHARED/cit-hepph-subset/cit-HepPh.txt" "$DATA/cit-hepph.txt"; fi

# run <dataset> <algos> <repeats> <peer,peer,...> [result folder name, default = dataset]
run() {
  local ds=$1 algos=$2 repeats=$3 peers=$4 name=${5:-$1}
  local dir=$OUT/$name
  [[ -z $ONLY || $ONLY == *",$name,"* ]] || return 0
  [[ -f $DATA/$ds.txt ]] || { echo "skip $ds (no data)" >&2; return; }
  mkdir -p "$dir"
  # Record the load average: other jobs on a shared machine make single timings noisy.
  echo "{\"impl\": \"machine\", \"algo\": \"loadavg\", \"seconds\": 0, \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" > "$dir/results.jsonl"
  echo "== $ds: citegraph" >&2
  /usr/bin/time -v -o "$dir/citegraph.time" "$BIN" run "$DATA/$ds.txt" "$dir" "$algos" "$repeats" >> "$dir/results.jsonl"
  for peer in ${peers//,/ }; do
    [[ " ${PEERS[*]} " == *" $peer "* ]] || continue
    echo "== $ds: $peer" >&2
    /usr/bin/time -v -o "$dir/$peer.time" "$PY" "bench/peers/${peer}_peer.py" "$DATA/$ds.txt" "$dir" "$algos" "$repeats" >> "$dir/results.jsonl" \
      || echo "$peer failed on $ds" >&2
  done
}

ALL=pagerank,pagerank-gds,wcc,scc,kcore,louvain,leiden
run cora "$ALL,betweenness,betweenness-undirected" 5 igraph,graphtool,networkx,leidenalg
run cit-hepph "$ALL,betweenness" 3 igraph,graphtool,networkx,leidenalg
run pa-20k betweenness 3 igraph,graphtool
run pa-20k betweenness-undirected 1 igraph,graphtool pa-20k-undirected
run pa-200k "$ALL" 2 igraph,graphtool,leidenalg
if [[ $BIG == 1 || $ONLY == *",pa-1m,"* ]]; then run pa-1m "$ALL" 1 igraph,graphtool,leidenalg; fi

# Only the analytics section of bench/RESULTS.md is replaced; other harnesses own the rest of the file.
"$PY" bench/peers/report.py "$OUT" > "$OUT/analytics-section.md"
"$PY" - "$OUT/analytics-section.md" bench/RESULTS.md <<'SPLICE'
import os, sys
section = open(sys.argv[1], encoding="utf-8").read()
title, _, body = section.partition("\n")
block = "<!-- analytics:start -->\n## " + title.lstrip("# ") + "\n" + body.replace("\n## ", "\n### ").rstrip() + "\n<!-- analytics:end -->"
path = sys.argv[2]
text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmark results\n"
start, end = text.find("<!-- analytics:start -->"), text.find("<!-- analytics:end -->")
text = text[:start] + block + text[end + len("<!-- analytics:end -->"):] if 0 <= start < end else text.rstrip() + "\n\n" + block + "\n"
open(path, "w", encoding="utf-8").write(text)
SPLICE
echo "wrote bench/RESULTS.md" >&2
