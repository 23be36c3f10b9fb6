#!/usr/bin/env bash
# Stable community ids (issue 21): the cost of reading the previous partition, the warm-started Leiden and the matching at
# 200,000 generated papers, and how many papers keep their id: analyze (seed 42, cold), analyze again (seed 7, warm start
# on the unchanged graph), load 5% new papers, analyze again (seed 42, warm). Leiden only (the part this measures). Prints one JSON report per run and a summary
# for the "Stable community ids" section of bench/RESULTS.md.
#
#   bench/run-stable-communities.sh [--papers 200000] [--bin DIR]   # DIR holding a built citegraph (default: a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
PAPERS=200000
BIN=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ -z $BIN ]]; then
  dotnet build -c Release src/Host -nologo -v q >&2
  BIN=$PWD/src/Host/bin/Release/net10.0
fi
CG=$BIN/citegraph
OUT=bench/out/stable-communities
rm -rf "$OUT"; mkdir -p "$OUT"
NEW=$((PAPERS / 20))
TOTAL=$((PAPERS + NEW))
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
# One corpus of PAPERS + 5%, with fields planted (a field born in 2010, two merging in 2015) so there is structure to keep.
"$CG" generate --papers "$TOTAL" --refs 10 --born-year 2010 --merge-year 2015 --out "$OUT/all.jsonl"
head -n "$PAPERS" "$OUT/all.jsonl" > "$OUT/old.jsonl"
tail -n "$NEW" "$OUT/all.jsonl" > "$OUT/new.jsonl"
DB=$OUT/stable.db
"$CG" load "$OUT/old.jsonl" --db "$DB" --quiet --no-embed --no-derive --json > "$OUT/load-old.json"

dump() { sqlite3 "$DB" "SELECT p.id, m.level, m.community FROM community_member m JOIN paper p ON p.pk = m.paper_pk ORDER BY 1, 2;" > "$1"; }
kept() { # papers of $1 (id|level|community) with the same community in $2, per level
  join -t'|' -j1 <(awk -F'|' '{print $1"@"$2"|"$3}' "$1" | sort) <(awk -F'|' '{print $1"@"$2"|"$3}' "$2" | sort) |
    awk -F'|' '{split($1, k, "@"); n[k[2]]++; if ($2 == $3) s[k[2]]++} END {for (l in n) printf "level %s: %d of %d kept (%.1f%%)\n", l, s[l], n[l], 100 * s[l] / n[l]}' | sort
}
run() { # $1 = label, $2 = seed
  local before; before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB max RSS" -o "$OUT/$1.time" "$CG" analyze --db "$DB" --algorithms leiden --seed "$2" --json > "$OUT/$1.json"
  echo "== $1 (seed $2; load $before -> $(cut -d' ' -f1-3 /proc/loadavg)): $(cat "$OUT/$1.time")"
  python3 - "$OUT/$1.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for s in r["steps"]:
    print(f"  {s['algorithm']:<22} {s['elapsed']:>18}  {s['outcome']}")
PY
}
run cold 42
dump "$OUT/p1.txt"
run warm-same-graph 7
dump "$OUT/p2.txt"
echo "-- unchanged graph, another seed:"; kept "$OUT/p1.txt" "$OUT/p2.txt"
"$CG" load "$OUT/new.jsonl" --db "$DB" --quiet --no-embed --no-derive --json > "$OUT/load-new.json"
run warm-after-new-papers 42
dump "$OUT/p3.txt"
echo "-- after $NEW new papers (old papers only):"; kept "$OUT/p2.txt" "$OUT/p3.txt"
echo "-- events recorded per run:"
sqlite3 "$DB" "SELECT run, level, kind, count(*) FROM community_event GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;"
