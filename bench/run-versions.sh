#!/usr/bin/env bash
# Versions benchmark (issue 21): what versions and the change feed cost on a generated store, through the real CLI and
# the real HTTP server.
#
#   bench/run-versions.sh                    # 200,000 papers, 10 references each
#   bench/run-versions.sh --papers 20000     # a small check
#   CONFIG=Release bench/run-versions.sh      # the Release build (default: the Debug build the tests use)
#   BASELINE=/path/to/main/src/Host/bin/Debug/net10.0/citegraph.dll bench/run-versions.sh
#                                            # also load the same files with a build without versions (the peer)
#
# Steps: generate N papers; load the first 95% (version v1), analyze with PageRank (v2: its scores kept in
# analytics_history), load the last 5% (v3). Storage: the bytes of the version tables (version, change_event and its
# indexes, analytics_history) against the whole file, from SQLite's dbstat. Query time: paper(id) against
# paper(id, asOf: v1) and ranking(PAGERANK) against ranking(PAGERANK, asOf: v2) and ranking(CITATIONS, asOf: v1), each
# over HTTP, median of many calls, in the same run (bench/tools/versions_bench.py). Writes bench/out/versions/results.json;
# the section of bench/RESULTS.md is written by hand from it.
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
CG="dotnet src/Host/bin/${CONFIG:-Debug}/net10.0/citegraph.dll"
[ -f "src/Host/bin/${CONFIG:-Debug}/net10.0/citegraph.dll" ] || dotnet build -c "${CONFIG:-Debug}" src/Host >/dev/null
CORPUS="$OUT/corpus-$PAPERS.jsonl"
[ -f "$CORPUS" ] || $CG generate --papers "$PAPERS" --refs 10 --out "$CORPUS"
HEAD=$((PAPERS * 95 / 100))
head -n "$HEAD" "$CORPUS" > "$OUT/older.jsonl"
tail -n +"$((HEAD + 1))" "$CORPUS" > "$OUT/newer.jsonl"
DB="$OUT/versions.db"
rm -f "$DB" "$DB"-wal "$DB"-shm
/usr/bin/time -f '%e' -o "$OUT/load1.time" $CG load "$OUT/older.jsonl" --db "$DB" --quiet --no-derive --json > "$OUT/load1.json"
/usr/bin/time -f '%e' -o "$OUT/analyze.time" $CG analyze --db "$DB" -a pagerank --json > "$OUT/analyze.json"
/usr/bin/time -f '%e' -o "$OUT/load2.time" $CG load "$OUT/newer.jsonl" --db "$DB" --quiet --no-derive --json > "$OUT/load2.json"
if [ -n "${BASELINE:-}" ]; then
  BDB="$OUT/baseline.db"
  rm -f "$BDB" "$BDB"-wal "$BDB"-shm
  /usr/bin/time -f '%e' -o "$OUT/baseline-load1.time" dotnet "$BASELINE" load "$OUT/older.jsonl" --db "$BDB" --quiet --no-derive --json > /dev/null
  /usr/bin/time -f '%e' -o "$OUT/baseline-load2.time" dotnet "$BASELINE" load "$OUT/newer.jsonl" --db "$BDB" --quiet --no-derive --json > /dev/null
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); print(c.execute('SELECT SUM(pgsize) FROM dbstat').fetchone()[0])" "$BDB" > "$OUT/baseline.bytes"
fi
python3 bench/tools/versions_bench.py "$DB" "$CG" "$OUT" | tee "$OUT/results.json"
