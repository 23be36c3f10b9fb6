#!/usr/bin/env bash
# Ingest benchmark (issue 4): a generated OpenAlex corpus into the SQLite store, end to end through the real CLI, with a
# plain Python stdlib loader as the peer in the same run, and parse-only throughput reported separately.
#
#   bench/run-ingest.sh                          # 1,000,000 papers, 10 references each (the issue's target run)
#   bench/run-ingest.sh --papers 20000           # a small check
#   bench/run-ingest.sh --refs 5 --keep          # keep the databases (bench/out/ingest-run/*.db) for a look afterwards
#   bench/run-ingest.sh --no-build               # use the Release builds already there
#   bench/run-ingest.sh --load-arg --bulk        # extra argument for `citegraph load` (repeatable); recorded in the results
#   bench/run-ingest.sh --before DIR/citegraph.dll  # also load with an earlier build, just before ours, as a peer of the same run
#
# Phases, one after the other: parse-only (bench/Ingest.Bench: the loader's FormatDetector + reader, nothing written),
# ours (`dotnet citegraph.dll load FILE --db DB --no-derive --quiet --json`, fresh db), the Python peer (fresh db), and
# if the sqlite3 shell is installed the sqlite3 .import of the Python peer's rows as CSV (SQLite's write floor), once with
# the FTS5 index and once without (the floor for the rows alone). Each
# phase is timed by wall clock around its whole process (start-up included, as a user sees it); peak RSS per process is
# /usr/bin/time's %M (getrusage ru_maxrss of the child). Relationship rows are counted from each database afterwards
# (bench/peers/ingest_count.py, not timed). The corpus stays in bench/out/ (git-ignored) and is reused; raw outputs go to
# bench/out/ingest-run/. Only the ingest section of bench/RESULTS.md is replaced.
set -euo pipefail
cd "$(dirname "$0")/.."

PAPERS=1000000
REFS=10
KEEP=0
BUILD=1
LOAD_ARGS=()
BEFORE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --refs) REFS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --load-arg) LOAD_ARGS+=("$2"); shift 2 ;;
    --before) BEFORE=$2; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

PY=/usr/bin/python3          # Debian's python: stdlib sqlite3 with FTS5
CLI=src/Host/bin/Release/net10.0/citegraph.dll
PARSER=bench/Ingest.Bench/bin/Release/net10.0/CiteGraph.Ingest.Bench.dll
CORPUS=bench/out/ingest-$PAPERS.jsonl
[[ $REFS == 10 ]] || CORPUS=bench/out/ingest-$PAPERS-refs$REFS.jsonl
RUN=bench/out/ingest-run
mkdir -p bench/out
rm -rf "$RUN"
mkdir -p "$RUN"

if [[ ! -x /usr/bin/time ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

if [[ $BUILD == 1 ]]; then
  dotnet build -c Release src/Host -nologo -v q >&2
  dotnet build -c Release bench/Ingest.Bench -nologo -v q >&2
fi

if [[ ! -f $CORPUS ]]; then
  echo "== generating $CORPUS" >&2
  dotnet "$CLI" generate --papers "$PAPERS" --refs "$REFS" --seed 1 --out "$CORPUS" >&2
fi

fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1.rejects.jsonl" "$1.merges.jsonl"; }

# phase <name> <command…>: runs the command under /usr/bin/time, stdout to $RUN/<name>.out, stderr to $RUN/<name>.err,
# and appends wall time, exit code and the load average before and after to $RUN/phases.jsonl.
phase() {
  local name=$1; shift
  echo "== $name" >&2
  local before t0 t1 rc=0
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M %e %U %S" -o "$RUN/$name.time" "$@" > "$RUN/$name.out" 2> "$RUN/$name.err" || rc=$?
  t1=$(date +%s.%N)
  printf '{"phase": "%s", "rc": %d, "wall": %s, "load_before": "%s", "load_after": "%s"}\n' \
    "$name" "$rc" "$(awk "BEGIN { printf \"%.3f\", $t1 - $t0 }")" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RUN/phases.jsonl"
  [[ $rc == 0 ]] || echo "$name exited with $rc (see $RUN/$name.err)" >&2
}

phase parse dotnet "$PARSER" parse "$CORPUS"

if [[ -n $BEFORE ]]; then
  fresh "$RUN/before.db"
  phase before dotnet "$BEFORE" load "$CORPUS" --db "$RUN/before.db" --no-derive --quiet --json "${LOAD_ARGS[@]}"
  [[ -f $RUN/before.db ]] && "$PY" bench/peers/ingest_count.py "$RUN/before.db" > "$RUN/before.counts.json"
fi

fresh "$RUN/ours.db"
phase ours dotnet "$CLI" load "$CORPUS" --db "$RUN/ours.db" --no-derive --quiet --json "${LOAD_ARGS[@]}"
[[ -f $RUN/ours.db ]] && "$PY" bench/peers/ingest_count.py "$RUN/ours.db" > "$RUN/ours.counts.json"

fresh "$RUN/peer.db"
phase peer "$PY" bench/peers/ingest_sqlite_peer.py "$CORPUS" "$RUN/peer.db"
[[ -f $RUN/peer.db ]] && "$PY" bench/peers/ingest_count.py "$RUN/peer.db" > "$RUN/peer.counts.json"

# Second peer, only where the sqlite3 shell is installed: .import of the Python peer's rows as CSV (flattening not timed).
if command -v sqlite3 >/dev/null && [[ -f $RUN/peer.db ]]; then
  bench/peers/ingest_csv_peer.sh prepare "$RUN/peer.db" "$RUN/csv"
  fresh "$RUN/csv.db"
  phase csv bench/peers/ingest_csv_peer.sh import "$RUN/csv" "$RUN/csv.db"
  [[ -f $RUN/csv.db ]] && "$PY" bench/peers/ingest_count.py "$RUN/csv.db" > "$RUN/csv.counts.json"
  fresh "$RUN/csv-nofts.db"
  phase csv-nofts bench/peers/ingest_csv_peer.sh import "$RUN/csv" "$RUN/csv-nofts.db" --no-fts
  [[ -f $RUN/csv-nofts.db ]] && "$PY" bench/peers/ingest_count.py "$RUN/csv-nofts.db" > "$RUN/csv-nofts.counts.json"
else
  echo "no sqlite3 shell (apt-get install sqlite3): CSV .import peer skipped" >&2
fi

du -b "$RUN"/*.db > "$RUN/db-sizes.txt" 2>/dev/null || true
if [[ $KEEP == 0 ]]; then
  for db in "$RUN"/*.db; do fresh "$db"; done
  rm -rf "$RUN/csv"
fi

"$PY" bench/peers/ingest_report.py "$RUN" "$CORPUS" "$PAPERS" "$REFS" "${LOAD_ARGS[*]:-}" bench/RESULTS.md "$BEFORE"
echo "wrote the ingest section of bench/RESULTS.md (raw outputs in $RUN)" >&2
