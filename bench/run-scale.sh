#!/usr/bin/env bash
# Scale run (issue 22): one generated corpus through every stage of the pipeline, each stage a separate Release CLI
# process under /usr/bin/time -v, so each stage's wall time, peak RSS and the store's size after it are measured alone.
#
#   bench/run-scale.sh --papers 1000000                 # the 1M baseline
#   bench/run-scale.sh --papers 10000000                # the 10M run (issue 22): ~12 GB corpus, ~20 GB store
#   bench/run-scale.sh --papers 10000000 --from derive  # resume at a stage (the store of the earlier stages is kept)
#   bench/run-scale.sh --papers 10000000 --resume       # unattended: skip every stage that already finished (its
#                                                       # $OUT/<stage>.done marker), so a run stopped anywhere is started
#                                                       # again with the same command and goes on at the stage it stopped in
#   bench/run-scale.sh --papers 20000 --no-build --stages load,derive
#   bench/run-scale.sh --papers 1000000 --coined-terms  # a corpus whose key phrases have a long tail (generate
#                                                       # --coined-terms), so derive builds CO_TOPIC at any size: bench/out/scale-N-coined
#   CITEGRAPH_CLI=other/citegraph.dll bench/run-scale.sh --papers 1000000 --label before --db bench/out/scale-1000000/store.db --stages derive
#                                                       # another build on the same store, its results beside (scale-N-before)
#
# Stages, in order (--stages picks some, --from starts at one):
#   generate  citegraph generate --papers N --refs R --seed 1 (skipped when the corpus file exists)
#   load      citegraph load CORPUS --db DB --no-derive --quiet --json  (bulk load of a fresh store)
#   derive    citegraph derive --db DB --no-embed  (topics, co-topic, lineage; embeddings: see bench/RESULTS.md)
#   analyze   citegraph analyze --db DB --json  (PageRank, communities, components, cores)
#   serve     citegraph serve --db DB: time until /health/ready (store opened, in-memory snapshot built), four GraphQL
#             queries answered (counts, a search, the PageRank top 3, the top paper's descendants: serve-*.jsonl), then
#             SIGTERM; peak RSS is the serving process's with its snapshot
# Each stage appends one JSON line to bench/out/scale-N/stages.jsonl (wall, peak RSS KiB, user/system CPU, exit code,
# load average before/after, store bytes after: db + wal, free disk after) and $OUT/<stage>.samples.jsonl every 30 s (RSS, peak RSS, paper
# rows in the store, store bytes); bench/scale_report.py renders the table into bench/RESULTS.md
# between the scale markers. Big files stay in bench/out/ (git-ignored); --keep-corpus keeps the corpus afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PAPERS=1000000
REFS=10
BUILD=1
STAGES=generate,load,derive,analyze,serve
FROM=
KEEP_CORPUS=1
PORT=5399
LABEL=
DB_GIVEN=
RESUME=0
COINED=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --refs) REFS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --stages) STAGES=$2; shift 2 ;;
    --from) FROM=$2; shift 2 ;;
    --drop-corpus) KEEP_CORPUS=0; shift ;;
    --port) PORT=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    --db) DB_GIVEN=$2; shift 2 ;;
    --resume) RESUME=1; shift ;;
    --coined-terms) COINED=1; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [[ -n $FROM ]]; then
  all=(generate load derive analyze serve)
  STAGES=
  on=0
  for s in "${all[@]}"; do [[ $s == "$FROM" ]] && on=1; [[ $on == 1 ]] && STAGES+="$s,"; done
  STAGES=${STAGES%,}
fi

CLI=${CITEGRAPH_CLI:-src/Host/bin/Release/net10.0/citegraph.dll}   # CITEGRAPH_CLI: a copied build, so a rebuild cannot swap it mid-run
GENERATE_ARGS=()
if [[ $COINED == 1 ]]; then GENERATE_ARGS=(--coined-terms); LABEL=${LABEL:-coined}; fi
OUT=bench/out/scale-$PAPERS${LABEL:+-$LABEL}
CORPUS=bench/out/scale-$PAPERS${GENERATE_ARGS:+-coined}.jsonl
DB=${DB_GIVEN:-$OUT/store.db}
mkdir -p "$OUT"

if [[ ! -x /usr/bin/time ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
if [[ $BUILD == 1 ]]; then
  dotnet build -c Release src/Host -nologo -v q >&2
fi

# A stage runs when asked for and, with --resume, only when it has not finished before (a stage that failed or was
# stopped left no marker and runs again; load starts its store afresh, the later stages replace what they write).
has() { [[ ",$STAGES," == *",$1,"* ]] && ! { [[ $RESUME == 1 ]] && [[ -f $OUT/$1.done ]] && echo "== $1 finished before ($OUT/$1.done): skipped" >&2; }; }
# A stage that finished leaves its marker; anything that runs again before it removes the later stages' markers.
done_mark() { [[ $2 == 0 ]] && date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/$1.done"; }
disk_free() { df -B1 --output=avail "$OUT" | tail -1 | tr -d ' '; }
store_bytes() { local s=0 f; for f in "$DB" "$DB-wal"; do [[ -f $f ]] && s=$((s + $(stat -c %s "$f"))); done; echo $s; }

# stage <name> <command…>: runs the command under /usr/bin/time -v (stdout/stderr to $OUT/<name>.out/.err, the time
# report to $OUT/<name>.time) and appends the measurements to $OUT/stages.jsonl.
stage() {
  local name=$1; shift
  echo "== $name $(date -u +%H:%M:%S)" >&2
  local before t0 t1 rc=0
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" &
  local timer=$!
  # Memory and progress every 30 s (bench/scale_sample.sh), so a stage stopped before its end still says how far it got.
  ( sleep 2; child=$(pgrep -P "$timer" | head -1); [[ -z $child ]] || bench/scale_sample.sh "$child" "$OUT/$name.samples.jsonl" "$CORPUS" "$DB" 30 ) &
  wait "$timer" || rc=$?
  t1=$(date +%s.%N)
  record "$name" "$rc" "$t0" "$t1" "$before"
}

record() {
  local name=$1 rc=$2 t0=$3 t1=$4 before=$5
  local rss user sys
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/$name.time")
  user=$(awk -F': ' '/User time/ {print $2}' "$OUT/$name.time")
  sys=$(awk -F': ' '/System time/ {print $2}' "$OUT/$name.time")
  printf '{"stage": "%s", "label": "%s", "papers": %d, "rc": %d, "wall": %s, "rss_kib": %s, "user": %s, "sys": %s, "store_bytes": %s, "corpus_bytes": %s, "disk_free_bytes": %s, "load_before": "%s", "load_after": "%s", "at": "%s"}\n' \
    "$name" "$LABEL" "$PAPERS" "$rc" "$(awk "BEGIN { printf \"%.3f\", $t1 - $t0 }")" "${rss:-0}" "${user:-0}" "${sys:-0}" "$(store_bytes)" \
    "$(stat -c %s "$CORPUS" 2>/dev/null || echo 0)" "$(disk_free)" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$OUT/stages.jsonl"
  done_mark "$name" "$rc"
  [[ $rc == 0 ]] || echo "$name exited with $rc (see $OUT/$name.err)" >&2
}

if [[ -f $CORPUS && ! -f $OUT/generate.done && ! -f $CORPUS.partial ]]; then
  date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/generate.done"   # a corpus made before markers existed
fi
if has generate && { [[ ! -f $CORPUS ]] || [[ -f $CORPUS.partial ]]; }; then
  rm -f "$CORPUS"
  touch "$CORPUS.partial"   # a generation stopped halfway leaves this, and runs again

  stage generate dotnet "$CLI" generate --papers "$PAPERS" --refs "$REFS" --seed 1 "${GENERATE_ARGS[@]}" --out "$CORPUS"
  [[ ! -f $OUT/generate.done ]] || rm -f "$CORPUS.partial"
fi

if has load; then
  rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.rejects.jsonl" "$DB.merges.jsonl" "$OUT"/{derive,analyze,serve}.done
  stage load dotnet "$CLI" load "$CORPUS" --db "$DB" --no-derive --quiet --json
fi

has derive && stage derive dotnet "$CLI" derive --db "$DB" --no-embed
has analyze && stage analyze dotnet "$CLI" analyze --db "$DB" --json

if has serve; then
  echo "== serve $(date -u +%H:%M:%S)" >&2
  rm -f "$OUT"/serve-answers.jsonl "$OUT"/serve-queries.jsonl "$OUT"/serve-ready.json
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$OUT/serve.time" dotnet "$CLI" serve --db "$DB" --port "$PORT" \
    --CiteGraph:Http:RateLimitPerMinute=0 > "$OUT/serve.out" 2> "$OUT/serve.err" &
  timer=$!
  ready=
  while kill -0 "$timer" 2>/dev/null; do
    if curl -sf "http://localhost:$PORT/health/ready" > /dev/null 2>&1; then ready=$(date +%s.%N); break; fi
    sleep 1
  done
  if [[ -n $ready ]]; then
    echo "{\"ready_seconds\": $(awk "BEGIN { printf \"%.3f\", $ready - $t0 }")}" > "$OUT/serve-ready.json"
    # What a first user asks: the counts, a search, the most central papers with what they cite and what shares their
    # topics (snapshot and analytics), then the top paper's descendants two generations deep (a traversal).
    ask() {
      local q=$1 qs
      qs=$(date +%s.%N)
      curl -s "http://localhost:$PORT/graphql" -H 'Content-Type: application/json' \
        -d "$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$q")" | tee -a "$OUT/serve-answers.jsonl"
      echo >> "$OUT/serve-answers.jsonl"
      echo "{\"query\": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$q"), \"seconds\": $(awk "BEGIN { printf \"%.3f\", $(date +%s.%N) - $qs }")}" >> "$OUT/serve-queries.jsonl"
    }
    ask '{ stats { papers repos citations } }' > /dev/null
    ask '{ search(text: "message passing theorem proving", first: 3) { score paper { id title citationCount pageRank } } }' > /dev/null
    top=$(ask '{ ranking(metric: PAGERANK, first: 3) { rank score paper { id title citationCount cites(first: 3) { totalCount items { paper { id title } } } coTopic(first: 3) { score paper { id } } } } }' \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["ranking"]; print(r[0]["paper"]["id"] if r else "")' 2>/dev/null || true)
    [[ -z $top ]] || ask "{ lineage(paperId: \"$top\", direction: DESCENDANTS, maxDepth: 2, first: 200) { truncated nodes { depth paper { id } } } }" > /dev/null
  fi
  # SIGTERM to the server (the child of time; a background job ignores SIGINT), so that time reports its peak RSS.
  pkill -TERM -P "$timer" || true
  rc=0; wait "$timer" || rc=$?
  t1=${ready:-$(date +%s.%N)}
  # Stopped by us: the stage succeeded when it became ready and answered.
  [[ -n $ready ]] && rc=0
  record serve "$rc" "$t0" "$t1" "$before"
fi

[[ $KEEP_CORPUS == 1 ]] || rm -f "$CORPUS"
echo "results in $OUT/stages.jsonl" >&2
