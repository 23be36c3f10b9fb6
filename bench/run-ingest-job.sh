#!/usr/bin/env bash
# Ingest into a large store over HTTP (issue 17, item 3): the 200-paper arXiv metadata sample
# (../shared/data/arxiv-metadata-sample) sent to the `ingest` mutation of a `citegraph serve` over a generated store.
# Measures the time to the answer (the report once papers, topics and lineage are committed — with the snapshot rebuild
# still running when it outlasts CiteGraph:Ingest:SnapshotWaitSeconds — or the job when the commit outlasts
# CiteGraph:Ingest:AnswerWithinSeconds) and the time until the job is DONE (snapshot rebuilt too), and checks that a
# paper of the sample has topics at the answer and after. Writes bench/out/ingest-job-LABEL/result.txt with the load average.
#
# usage: bench/run-ingest-job.sh [--db PATH] [--papers N] [--bin DIR] [--label NAME] [--port N]
#   --bin DIR   a published citegraph (default: publish this tree, Release, to bench/out/citegraph-release)
#   --db PATH   the store (default bench/out/ingest-200k.db, made with `generate` + `load --no-embed` when missing);
#               copied before each run, so every run ingests into the same store
#   --port N    the server's port (default 5078; another on a shared machine may hold it)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=bench/out/ingest-200k.db; PAPERS=200000; PORT=5078; BIN=bench/out/citegraph-release; BUILD=1; LABEL=run
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2;; --papers) PAPERS=$2; shift 2;; --bin) BIN=$2; BUILD=0; shift 2;; --label) LABEL=$2; shift 2;; --port) PORT=$2; shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
SAMPLE=../shared/data/arxiv-metadata-sample/arxiv-metadata-oai-snapshot.head.jsonl
[ -s "$SAMPLE" ] || { echo "the arXiv sample is missing: $SAMPLE" >&2; exit 2; }
OUT=bench/out/ingest-job-$LABEL; mkdir -p "$OUT"
[ "$BUILD" = 1 ] && dotnet publish src/Host -c Release -o "$BIN" >/dev/null
if [ ! -s "$DB" ]; then
  "$BIN/citegraph" generate --papers "$PAPERS" --refs 10 --out bench/out/ingest-corpus.jsonl
  "$BIN/citegraph" load bench/out/ingest-corpus.jsonl --db "$DB" --quiet --no-embed
fi
RUNDB=$OUT/store.db; rm -f "$RUNDB" "$RUNDB-wal" "$RUNDB-shm"; cp "$DB" "$RUNDB"
KEY=bench-$RANDOM$RANDOM
CITEGRAPH_API_KEY=$KEY "$BIN/citegraph" serve --db "$RUNDB" --urls "http://127.0.0.1:$PORT" --CiteGraph:Http:RateLimitPerMinute=0 \
  --CiteGraph:SnapshotRefreshSeconds=0 --Serilog:MinimumLevel:Default=Warning > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
python3 - "$SAMPLE" "$PORT" "$KEY" "$OUT/result.txt" "$LABEL" <<'PY'
import json, os, sys, time, urllib.request
sample, port, key, out, label = sys.argv[1:]
def post(query, variables=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": query, "variables": variables}).encode(),
                                 {"Content-Type": "application/json", "X-Api-Key": key})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)
content = open(sample, encoding="utf-8").read()
first_id = json.loads(content.splitlines()[0])["id"]
load = os.getloadavg()
start = time.monotonic()
# A build with the snapshot fields (the answer may come before the snapshot rebuild) says which snapshot reads reflect;
# an older build refuses the fields at validation, before anything is ingested, and is asked without them.
mutation = "mutation($c:String!){ ingest(format: ARXIV, content:$c){ loaded new papersInStore snapshot snapshotCurrent job { id state } } }"
answer = post(mutation, {"c": content})
if not answer.get("data"):
    start = time.monotonic()
    answer = post(mutation.replace(" snapshot snapshotCurrent", ""), {"c": content})
answered = time.monotonic() - start
lines = [f"label {label}", f"answer after {answered:.2f} s: {json.dumps(answer)}"]
at_answer = post("query($id:ID!){ paper(id:$id){ topics { topic { name } } } }", {"id": first_id})
lines.append(f"paper {first_id} topics at the answer: {json.dumps(at_answer)}")
job = answer.get("data", {}) and answer["data"]["ingest"]["job"] if answer.get("data") else None
done = answered
if job and job["state"] != "DONE":
    while True:
        time.sleep(0.25)
        state = post("query($id:ID!){ job(id:$id){ state error report { loaded new } } }", {"id": job["id"]})["data"]["job"]
        if state["state"] in ("DONE", "FAILED"):
            done = time.monotonic() - start
            lines.append(f"job {state['state']} after {done:.2f} s: {json.dumps(state)}")
            break
topics = post("query($id:ID!){ paper(id:$id){ title topics { topic { name } } } }", {"id": first_id})
lines.append(f"paper {first_id} topics after the ingest: {json.dumps(topics)}")
lines.append(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
lines.append(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
