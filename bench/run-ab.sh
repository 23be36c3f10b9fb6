#!/usr/bin/env bash
# Two builds, one workload, the same hour (issue 18's "bench figures unchanged within noise"): a generated corpus loaded,
# derived and analyzed by each build into its own store (each build keeps its own schema), then each store served and
# driven by wrk with the mixed GraphQL load and paper(id) alone (the lines mix-c8 and paper-c8 of bench/run-mixed.sh).
# Builds run alternately (A B, then B A) so a machine whose load drifts during the run is charged to both; the ratio B/A
# per stage is the result.
#
# usage: bench/run-ab.sh --a DIR --b DIR [--papers N] [--seconds S] [--label NAME]
#   --a/--b DIR  published citegraph builds (`dotnet publish src/Host -c Release -o DIR`, e.g. of a worktree at a commit)
# Writes bench/out/ab-LABEL/summary.txt (CPU = user + sys from /usr/bin/time, wall, peak RSS) with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
A=; B=; PAPERS=100000; SECONDS_EACH=8; LABEL=run
while [ $# -gt 0 ]; do
  case "$1" in
    --a) A=$2; shift 2;; --b) B=$2; shift 2;; --papers) PAPERS=$2; shift 2;; --seconds) SECONDS_EACH=$2; shift 2;;
    --label) LABEL=$2; shift 2;; *) echo "unknown argument $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[ -x "$A/citegraph" ] && [ -x "$B/citegraph" ] || { echo "--a and --b must be published builds (DIR/citegraph)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
OUT=bench/out/ab-$LABEL; mkdir -p "$OUT"; rm -f "$OUT"/*.db*
CORPUS=bench/out/ab-corpus-$PAPERS.jsonl
[ -s "$CORPUS" ] || "$B/citegraph" generate --papers "$PAPERS" --refs 10 --out "$CORPUS" >/dev/null
: > "$OUT/summary.txt"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
say "$(date -u '+%F %H:%M UTC'), $(nproc) cores, corpus $CORPUS; A=$A B=$B; load average $(cut -d' ' -f1-3 /proc/loadavg)"
stage() { # build-name dir stage-name args...
  local name=$1 dir=$2 st=$3; shift 3
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/$name-$st.time" "$dir/citegraph" "$@" > "$OUT/$name-$st.log" 2>&1
  read -r wall user sys rss < "$OUT/$name-$st.time"
  say "$st $name: wall ${wall}s, CPU $(echo "$user + $sys" | bc)s, peak RSS $((rss / 1024)) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
serve() { # build-name dir round: the mix and paper(id) alone at c=8, by run-mixed.sh (its queries, ids and wrk script)
  local name=$1 dir=$2 round=$3
  bench/run-mixed.sh --db "$OUT/$name.db" --bin "$dir" --seconds "$SECONDS_EACH" --label "ab-$LABEL-$name$round" \
    --only '^(mix|paper)-c8$' | grep -E '^(mix|paper)-c8 ' | sed "s/^/serve $name /" | tee -a "$OUT/summary.txt"
}
round=0
for order in "A B" "B A"; do
  round=$((round + 1))
  for name in $order; do
    dir=$A; [ "$name" = B ] && dir=$B
    db=$OUT/$name.db
    if [ ! -s "$db" ]; then
      stage "$name" "$dir" load load "$CORPUS" --db "$db" --no-derive --quiet
      stage "$name" "$dir" derive derive --db "$db" --no-embed
      stage "$name" "$dir" analyze analyze --db "$db"
    fi
    serve "$name" "$dir" "$round"
  done
done
