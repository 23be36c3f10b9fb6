#!/usr/bin/env bash
# Warm suggestedReferences request time with the learned ranker on and off, alternated, a new server each time
# (branch suggest9; bench/RESULTS.md, "Notes on the run above (branch suggest9)"). Needs a build with the
# CiteGraph:Suggestions:LearnedRanker option (commit f9b91aa); on main, compare two builds instead.
#   CITEGRAPH=path/to/citegraph bench/suggest/request-time.sh DB ID,ID,… ROUNDS PORT
set -u
DB=$1; IDS=$2; ROUNDS=$3; PORT=$4
CG=${CITEGRAPH:-src/Host/bin/Release/net10.0/citegraph}
HERE=$(dirname "$0")
for round in $(seq 1 "$ROUNDS"); do
  for ranker in true false; do
    nice -n 19 "$CG" serve --db "$DB" --port "$PORT" --CiteGraph:Suggestions:LearnedRanker=$ranker > "/tmp/request-time-$PORT.log" 2>&1 &
    SPID=$!
    for _ in $(seq 1 120); do curl -s -o /dev/null "http://localhost:$PORT/graphql" -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' && break; sleep 1; done
    echo "round $round ranker=$ranker load=$(cut -d' ' -f1-3 /proc/loadavg) $(nice -n 19 python3 "$HERE/request_time.py" "http://localhost:$PORT/graphql" $SPID "$IDS" 5)"
    kill $SPID; wait $SPID 2>/dev/null
  done
done
