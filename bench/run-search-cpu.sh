#!/usr/bin/env bash
# Search cost as server CPU time per query (issue 17): a Release `citegraph serve` over a store, asked distinct queries one
# at a time; each query is asked once in KEYWORD mode, then (new answers: the per-snapshot answer cache is keyed by mode)
# in HYBRID mode. First the store's words are each searched once ("cold": the words' first searches) and the server left
# to settle, then 500 two-word and 500 three-word queries never asked before ("warm"). CPU seconds of the server process
# do not depend on how busy the machine is the way req/s do, so two builds compare on a shared machine.
#
# usage: bench/run-search-cpu.sh --db STORE --bin DIR --label NAME [--port N]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=5079; LABEL=run
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2;; --bin) BIN=$2; shift 2;; --label) LABEL=$2; shift 2;; --port) PORT=$2; shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
OUT=bench/out/search-cpu-$LABEL; mkdir -p "$OUT"
python3 - "$DB" "$OUT" <<'PY'
import random, re, sqlite3, sys
db, out = sys.argv[1:]
texts = [r[0] for r in sqlite3.connect(db).execute("SELECT title || ' ' || COALESCE(abstract, '') FROM paper WHERE is_stub = 0 LIMIT 20000")]
vocab = sorted({w.lower() for t in texts for w in re.findall(r"[A-Za-z]{4,}", t)})
rng = random.Random(23)
open(f"{out}/words.txt", "w").write("\n".join(vocab) + "\n")
pairs = [f"{a} {b}" for a in vocab for b in vocab if a < b]
rng.shuffle(pairs)
open(f"{out}/pairs.txt", "w").write("\n".join(pairs[:500]) + "\n")
triples = {" ".join(sorted(rng.sample(vocab, 3))) for _ in range(2000)}
open(f"{out}/triples.txt", "w").write("\n".join(sorted(triples)[:500]) + "\n")
PY
"$BIN/citegraph" serve --db "$DB" --urls "http://127.0.0.1:$PORT" --CiteGraph:Http:RateLimitPerMinute=0 \
  --Serilog:MinimumLevel:Default=Warning > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
: > "$OUT/summary.txt"
echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores, store $DB, server $BIN" | tee -a "$OUT/summary.txt"
for set in words pairs triples; do
  python3 bench/mixed/search_cpu.py "$PORT" "$SERVER" "$OUT/$set.txt" 500 "$LABEL" | tee -a "$OUT/summary.txt"
done
