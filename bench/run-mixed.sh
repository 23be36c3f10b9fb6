#!/usr/bin/env bash
# Mixed GraphQL load (issue 17, items 5-6): a Release `citegraph serve` over a generated store, driven by wrk (Debian
# package `wrk`) in a separate process on loopback, rate limit off. Runs the issue's mix at concurrency 1, 8 and 32,
# paper(id) alone, and each query kind alone at concurrency 8 (to see where the time goes), SECONDS each, and writes
# the raw wrk outputs and the load average to bench/out/mixed-run/.
#
# usage: bench/run-mixed.sh [--db PATH] [--papers N] [--seconds S] [--no-build] [--bin DIR] [--label NAME] [--only REGEX]
#   --only      runs only the lines whose name matches REGEX (e.g. 'search|mix-c8'), to compare two builds on a busy machine
#   --bin DIR   serve with a citegraph published elsewhere (a peer build, e.g. main before a change; implies --no-build)
#   --label     names the output folder (bench/out/mixed-NAME/), so a peer's run and this build's sit side by side
#   --db PATH   the store to serve (default bench/out/mixed-200k.db; made with `citegraph generate` + `load` + `analyze`
#               when missing: 200,000 papers, 10 references each, about 2M citations)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=bench/out/mixed-200k.db; PAPERS=200000; SECONDS_EACH=15; BUILD=1; PORT=5077; BIN=bench/out/citegraph-release; LABEL=run; ONLY=.
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2;; --papers) PAPERS=$2; shift 2;; --seconds) SECONDS_EACH=$2; shift 2;; --no-build) BUILD=0; shift;;
    --bin) BIN=$2; BUILD=0; shift 2;; --label) LABEL=$2; shift 2;; --only) ONLY=$2; shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
OUT=bench/out/mixed-$LABEL; mkdir -p "$OUT"
[ "$BUILD" = 1 ] && dotnet publish src/Host -c Release -o "$BIN" >/dev/null
if [ ! -s "$DB" ]; then
  "$BIN/citegraph" generate --papers "$PAPERS" --refs 10 --out bench/out/mixed-corpus.jsonl
  "$BIN/citegraph" load bench/out/mixed-corpus.jsonl --db "$DB" --quiet --no-embed  # embeddings: ~1 h at 200K, not what this measures
  "$BIN/citegraph" analyze --db "$DB"
fi
python3 - "$DB" > bench/out/mixed-ids.txt <<'PY'
import random, sqlite3, sys
ids = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM paper WHERE is_stub = 0")]
random.Random(17).shuffle(ids)
print("\n".join(ids[:5000]))
PY
# Distinct searches for the only-search-distinct line: 3,000 two-word queries over the words (4+ letters) of the store's
# titles and abstracts (the generated corpus has only ~70 such words, so single words would repeat).
# A second set (3,000 three-word queries, none of them asked before) measures searches once each word's ranked list is
# in memory.
python3 - "$DB" bench/out/mixed-words2.txt > bench/out/mixed-words.txt <<'PY'
import random, re, sqlite3, sys
titles = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT title || ' ' || COALESCE(abstract, '') FROM paper WHERE is_stub = 0 LIMIT 20000")]
vocab = sorted({w.lower() for t in titles for w in re.findall(r"[A-Za-z]{4,}", t)})
pairs = [f"{a} {b}" for a in vocab for b in vocab if a < b]
random.Random(17).shuffle(pairs)
print("\n".join(pairs[:3000]))
triples = [f"{a} {b} {c}" for a, b, c in zip(vocab, vocab[1:], vocab[2:])] + [f"{a} {b} {c}" for a, b, c in zip(vocab, vocab[3:], vocab[7:])]
triples += [f"{p} {w}" for p, w in zip(pairs, vocab * 100) if w not in p.split()]
open(sys.argv[2], "w").write("\n".join(list(dict.fromkeys(triples))[:3000]) + "\n")
PY
"$BIN/citegraph" serve --db "$DB" --urls "http://127.0.0.1:$PORT" --CiteGraph:Http:RateLimitPerMinute=0 \
  --Serilog:MinimumLevel:Default=Warning > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
curl -s "http://127.0.0.1:$PORT/health/ready" > "$OUT/ready.json"
run() { # name mix connections [words file]
  [[ "$1" == warmup || "$1" =~ $ONLY ]] || return 0
  local threads=$(( $3 < 2 ? 1 : 2 ))
  IDS=bench/out/mixed-ids.txt WORDS=${4:-} MIX=$2 wrk -t"$threads" -c"$3" -d"${SECONDS_EACH}s" --timeout 30s --latency -s bench/mixed/mix.lua \
    "http://127.0.0.1:$PORT/graphql" > "$OUT/$1.txt" 2> "$OUT/$1.err" || true
  printf '%s c=%s: %s req/s, p50 %s, p99 %s; load average %s\n' "$1" "$3" \
    "$(awk '/Requests\/sec/ {print $2}' "$OUT/$1.txt")" "$(awk '$1=="50%" {print $2}' "$OUT/$1.txt")" \
    "$(awk '$1=="99%" {print $2}' "$OUT/$1.txt")" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
}
: > "$OUT/summary.txt"
echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores, $(dotnet --version), store $DB, server $BIN" | tee -a "$OUT/summary.txt"
MIX=paper,search,papers,subgraph,lineage,related,ranking,stats
run warmup "$MIX" 8 >/dev/null
for c in 1 8 32; do run "mix-c$c" "$MIX" "$c"; done
for c in 8 32; do run "paper-c$c" paper "$c"; done
for kind in ${MIX//,/ }; do run "only-$kind-c8" "$kind" 8; done
run only-search-distinct-c8 search 8 bench/out/mixed-words.txt
run only-search-distinct2-c8 search 8 bench/out/mixed-words2.txt
