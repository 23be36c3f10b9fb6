#!/usr/bin/env bash
# What the change feed's commit order (issue 21, schema 22: a batch per write transaction, stamped on the citation rows)
# costs, against another build, in the same minutes: a generated corpus bulk-loaded by each build into its own store
# (CPU seconds of `citegraph load --bulk true`), the whole feed read back (`citegraph changes --since v0 --json`), and the
# bytes of the tables and indexes the feed uses (dbstat). Builds alternate (A B, then B A, ROUNDS times) so a machine whose
# load drifts is charged to both.
#
# usage: bench/run-feed-ab.sh --a DIR --b DIR [--papers N] [--rounds R] [--label NAME]
#   --a/--b DIR  published citegraph builds (`dotnet publish src/Host -c Release -o DIR`, e.g. main and this branch)
# Writes bench/out/feed-ab-LABEL/summary.txt (CPU = user + sys from /usr/bin/time, wall, peak RSS, load average).
set -euo pipefail
cd "$(dirname "$0")/.."
A=; B=; PAPERS=200000; ROUNDS=2; LABEL=run
while [ $# -gt 0 ]; do
  case "$1" in
    --a) A=$2; shift 2;; --b) B=$2; shift 2;; --papers) PAPERS=$2; shift 2;; --rounds) ROUNDS=$2; shift 2;;
    --label) LABEL=$2; shift 2;; *) echo "unknown argument $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[ -x "$A/citegraph" ] && [ -x "$B/citegraph" ] || { echo "--a and --b must be published builds (DIR/citegraph)" >&2; exit 2; }
OUT=bench/out/feed-ab-$LABEL; mkdir -p "$OUT"
CORPUS=bench/out/ab-corpus-$PAPERS.jsonl
[ -s "$CORPUS" ] || "$B/citegraph" generate --papers "$PAPERS" --refs 10 --out "$CORPUS" >/dev/null
: > "$OUT/summary.txt"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
say "$(date -u '+%F %H:%M UTC'), $(nproc) cores, corpus $CORPUS; A=$A B=$B; load average $(cut -d' ' -f1-3 /proc/loadavg)"
stage() { # build-name dir stage-name output args...
  local name=$1 dir=$2 st=$3 out=$4; shift 4
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/$name-$st.time" "$dir/citegraph" "$@" > "$out" 2> "$OUT/$name-$st.err"
  read -r wall user sys rss < "$OUT/$name-$st.time"
  say "$st $name: wall ${wall}s, CPU $(echo "$user + $sys" | bc)s, peak RSS $((rss / 1024)) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
sizes() { # build-name db: bytes of the feed's tables and indexes
  python3 - "$1" "$2" <<'PY' | tee -a "$OUT/summary.txt"
import sqlite3, sys
name, db = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
size = dict(con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
rows = con.execute("SELECT COUNT(*) FROM cites").fetchone()[0]
want = ["cites", "cites_by_version", "change_event", "change_event_by_version", "version_batch"]
total = sum(size.values())
print(f"bytes {name}: file {total:,}; cites rows {rows:,}; " + "; ".join(
    f"{t} {size.get(t, 0):,} ({size.get(t, 0) / rows:.1f} B/citation)" for t in want if t in size))
PY
}
for round in $(seq 1 "$ROUNDS"); do
  order="A B"; [ $((round % 2)) -eq 0 ] && order="B A"
  for name in $order; do
    dir=$A; [ "$name" = B ] && dir=$B
    db=$OUT/$name-$round.db; rm -f "$db" "$db"-*
    stage "$name" "$dir" "load$round" "$OUT/$name-load$round.log" load "$CORPUS" --db "$db" --no-derive --no-embed --bulk true --quiet
    stage "$name" "$dir" "changes$round" /dev/null changes --since v0 --json --db "$db"
    if [ "$round" -eq 1 ]; then sizes "$name" "$db"; fi
    if [ "$round" -lt "$ROUNDS" ]; then rm -f "$db" "$db"-*; fi
  done
done
