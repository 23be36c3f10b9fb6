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
#   bench/run-versions.sh --papers 1000000 --resume   # unattended and resumable: each step that finished leaves
#                                            # $OUT/NAME-STEP.done and is skipped when the same command runs again; a
#                                            # load stopped midway starts again from the store the step before left
#                                            # (NAME.db.before-STEP, a copy kept until the next step finished)
#   OUT=/elsewhere bench/run-versions.sh     # another folder for the corpus, stores and results (default bench/out/versions)
#
# Steps: generate N papers; load the first 95% (version v1), analyze with PageRank (v2: its scores kept in
# analytics_history), load the last 5% (v3). Storage: the bytes of the version tables (version, change_event and its
# indexes, analytics_history and its indexes) against the whole file, from SQLite's dbstat. Query time: paper(id) against
# paper(id, asOf: v1); ranking(PAGERANK) against ranking(PAGERANK, asOf: v2); ranking(CITATIONS) against
# ranking(CITATIONS, asOf:) v1 and v3; a first page of changes and a walk through all of v3's events; each over HTTP,
# median of many calls (bench/tools/versions_bench.py), and ranking(CITATIONS, asOf: v3) once more on a copy of the store
# whose last version is left unfinished (a run writing: the server's snapshot shows no finished version, so the answer
# walks from the analyze run's kept counts instead of back from the snapshot's). Each side (ours, and BASELINE's when given) runs every step on its
# own file, one after the other. Writes bench/out/versions/results.json; bench/RESULTS.md is written by hand from it.
set -euo pipefail
cd "$(dirname "$0")/.."
PAPERS=200000
RESUME=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --resume) RESUME=1; shift ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done

OUT=${OUT:-bench/out/versions}
mkdir -p "$OUT"
# One run per folder: a second one started on the same files (a resume while the first still runs) would restore a store
# copy under the first one's load.
exec 9>"$OUT/.run.lock"
flock -n 9 || { echo "another run-versions.sh is running in $OUT; wait for it (or stop it) first" >&2; exit 1; }
SIDES=${SIDES:-ours baseline}
CG="dotnet src/Host/bin/${CONFIG:-Debug}/net10.0/citegraph.dll"
if [[ " $SIDES " == *" ours "* ]]; then
  [ -f "src/Host/bin/${CONFIG:-Debug}/net10.0/citegraph.dll" ] || dotnet build -c "${CONFIG:-Debug}" src/Host >/dev/null
  GEN=$CG
else
  GEN="dotnet $BASELINE"  # the generator is the same code on both sides
fi
CORPUS="$OUT/corpus-$PAPERS.jsonl"
# Written beside and renamed when whole, so a stopped generation is never taken for a corpus.
[ -f "$CORPUS" ] || { $GEN generate --papers "$PAPERS" --refs 10 --out "$CORPUS.partial" && mv "$CORPUS.partial" "$CORPUS"; }
HEAD=$((PAPERS * 95 / 100))
# Split once per corpus: a side started later must not rewrite the files a running side is loading.
if [ ! -f "$OUT/older-$PAPERS.jsonl" ]; then
  head -n "$HEAD" "$CORPUS" > "$OUT/older-$PAPERS.jsonl.tmp" && mv "$OUT/older-$PAPERS.jsonl.tmp" "$OUT/older-$PAPERS.jsonl"
  tail -n +"$((HEAD + 1))" "$CORPUS" > "$OUT/newer-$PAPERS.jsonl.tmp" && mv "$OUT/newer-$PAPERS.jsonl.tmp" "$OUT/newer-$PAPERS.jsonl"
fi
# One side of the comparison: the same three steps with one build ($1: the citegraph command, $2: a name), then its storage
# and query times (bench/tools/versions_bench.py) into $OUT/$2-results.json. With --resume a step that finished before
# (its $OUT/$2-STEP.done) is skipped; a step that did not is run again on the store as the step before left it.
run_side() {
  local cg=$1 name=$2 db="$OUT/$2.db"
  if [[ $RESUME == 0 ]]; then rm -f "$OUT/$name"-*.done "$db".before-*; fi
  step load1 "$name" "$db" $cg load "$OUT/older-$PAPERS.jsonl" --db "$db" --quiet --no-derive --json
  step analyze "$name" "$db" $cg analyze --db "$db" -a pagerank --json
  step load2 "$name" "$db" $cg load "$OUT/newer-$PAPERS.jsonl" --db "$db" --quiet --no-derive --json
  rm -f "$db".before-*
  if ! finished queries "$name"; then
    python3 bench/tools/versions_bench.py "$db" "$cg" "$OUT" "$name" > "$OUT/$name-results.json.partial"
    mv "$OUT/$name-results.json.partial" "$OUT/$name-results.json"
    mark queries "$name"
  fi
}
finished() { [[ -f "$OUT/$2-$1.done" ]] && echo "== $2 $1 finished before ($OUT/$2-$1.done): skipped" >&2; }
mark() { date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/$2-$1.done"; df -h "$OUT" | tail -1 >> "$OUT/$2-$1.done"; }
# step NAME SIDE DB COMMAND…: runs COMMAND (timed, its JSON kept) on the store as the previous step left it. That store is
# copied first (DB.before-NAME), so a step stopped midway starts again from it, never from a half-written store; the first
# load starts from no store at all.
step() {
  local what=$1 name=$2 db=$3; shift 3
  finished "$what" "$name" && return 0
  if [[ $what == load1 ]]; then
    rm -f "$db" "$db"-wal "$db"-shm
  elif [[ -f "$db.before-$what" ]]; then
    cp "$db.before-$what" "$db"; rm -f "$db"-wal "$db"-shm
  else
    rm -f "$db".before-*
    python3 -c "import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$db"
    cp "$db" "$db.before-$what.partial" && mv "$db.before-$what.partial" "$db.before-$what"
  fi
  /usr/bin/time -f '%e' -o "$OUT/$name-$what.time" "$@" > "$OUT/$name-$what.json"
  mark "$what" "$name"
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
