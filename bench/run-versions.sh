#!/usr/bin/env bash
# Versions benchmark (issue 21): what versions and the change feed cost on a generated store, through the real CLI and
# the real HTTP server.
#
#   bench/run-versions.sh                    # 200,000 papers, 10 references each
#   bench/run-versions.sh --papers 20000     # a small check
#   CONFIG=Release bench/run-versions.sh      # the Release build (default: the Debug build the tests use)
#   BASELINE=/path/to/other/src/Host/bin/Release/net10.0/citegraph.dll bench/run-versions.sh
#                                            # the same steps and queries with another build (the peer), one after the other
#                                            # (PARALLEL=1: both at once)
#   SIDES=baseline BASELINE=… bench/run-versions.sh   # one side only (SIDES=ours, SIDES=baseline): the peer's side may start
#                                            # early, ours later, each writing its own $OUT/NAME-* files; the last run's
#                                            # report reads whichever sides have results
#
# Steps: generate N papers; load the first 95% (version v1), analyze with PageRank (v2: its scores kept in
# analytics_history), load the last 5% (v3). Storage: the bytes of the version tables (version, change_event and its
# indexes, analytics_history and its indexes) against the whole file, from SQLite's dbstat. Query time: paper(id) against
# paper(id, asOf: v1); ranking(PAGERANK) against ranking(PAGERANK, asOf: v2); ranking(CITATIONS) against
# ranking(CITATIONS, asOf:) v1 and v3; a first page of changes and a walk through all of v3's events; each over HTTP,
# median of many calls (bench/tools/versions_bench.py). Each side (ours, and BASELINE's when given) runs every step on its
# own file, one after the other. Writes bench/out/versions/results.json; bench/RESULTS.md is written by hand from it.
set -euo pipefail
cd "$(dirname "$0")/.."
PAPERS=200000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done

OUT=bench/out/versions
mkdir -p "$OUT"
SIDES=${SIDES:-ours baseline}
CG="dotnet src/Host/bin/${CONFIG:-Debug}/net10.0/citegraph.dll"
if [[ " $SIDES " == *" ours "* ]]; then
  [ -f "src/Host/bin/${CONFIG:-Debug}/net10.0/citegraph.dll" ] || dotnet build -c "${CONFIG:-Debug}" src/Host >/dev/null
  GEN=$CG
else
  GEN="dotnet $BASELINE"  # the generator is the same code on both sides
fi
CORPUS="$OUT/corpus-$PAPERS.jsonl"
[ -f "$CORPUS" ] || $GEN generate --papers "$PAPERS" --refs 10 --out "$CORPUS"
HEAD=$((PAPERS * 95 / 100))
# Split once per corpus: a side started later must not rewrite the files a running side is loading.
if [ ! -f "$OUT/older-$PAPERS.jsonl" ]; then
  head -n "$HEAD" "$CORPUS" > "$OUT/older-$PAPERS.jsonl.tmp" && mv "$OUT/older-$PAPERS.jsonl.tmp" "$OUT/older-$PAPERS.jsonl"
  tail -n +"$((HEAD + 1))" "$CORPUS" > "$OUT/newer-$PAPERS.jsonl.tmp" && mv "$OUT/newer-$PAPERS.jsonl.tmp" "$OUT/newer-$PAPERS.jsonl"
fi
# One side of the comparison: the same three steps with one build ($1: the citegraph command, $2: a name), then its storage
# and query times (bench/tools/versions_bench.py) into $OUT/$2-results.json.
run_side() {
  local cg=$1 name=$2 db="$OUT/$2.db"
  rm -f "$db" "$db"-wal "$db"-shm
  /usr/bin/time -f '%e' -o "$OUT/$name-load1.time" $cg load "$OUT/older-$PAPERS.jsonl" --db "$db" --quiet --no-derive --json > "$OUT/$name-load1.json"
  /usr/bin/time -f '%e' -o "$OUT/$name-analyze.time" $cg analyze --db "$db" -a pagerank --json > "$OUT/$name-analyze.json"
  /usr/bin/time -f '%e' -o "$OUT/$name-load2.time" $cg load "$OUT/newer-$PAPERS.jsonl" --db "$db" --quiet --no-derive --json > "$OUT/$name-load2.json"
  python3 bench/tools/versions_bench.py "$db" "$cg" "$OUT" "$name" > "$OUT/$name-results.json"
}
if [[ " $SIDES " != *" baseline "* ]]; then BASELINE=""; fi
if [[ " $SIDES " != *" ours "* ]]; then
  run_side "dotnet $BASELINE" baseline
elif [ -n "${BASELINE:-}" ] && [ -n "${PARALLEL:-}" ]; then
  # Both sides at once (PARALLEL=1): on a machine already running dozens of jobs per core each side's share barely changes,
  # and the run takes half the wall time. Say so beside the numbers.
  run_side "$CG" ours & run_side "dotnet $BASELINE" baseline & wait
else
  run_side "$CG" ours
  [ -z "${BASELINE:-}" ] || run_side "dotnet $BASELINE" baseline
fi
python3 - "$OUT" <<'PY' | tee "$OUT/results.json"
import json, os, sys
out = sys.argv[1]
sides = {n: json.load(open(os.path.join(out, f"{n}-results.json"))) for n in ("ours", "baseline") if os.path.exists(os.path.join(out, f"{n}-results.json"))}
print(json.dumps(sides, indent=1))
PY
