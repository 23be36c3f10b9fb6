#!/usr/bin/env bash
# Warm suggestedReferences request time of two builds, alternated, a new server each time (bench/RESULTS.md, the notes
# of branches suggest9 and suggest10): per server one request to build the corpus, one warm-up per paper, then 5 rounds
# over the papers; request_time.py prints the median and the server's CPU time per request.
#   CITEGRAPH_A=main/citegraph CITEGRAPH_B=branch/citegraph bench/suggest/request-time.sh DB ID,ID,… ROUNDS PORT
set -u
DB=$1; IDS=$2; ROUNDS=$3; PORT=$4
HERE=$(dirname "$0")
for round in $(seq 1 "$ROUNDS"); do
  for build in A B; do
    CG_VAR=CITEGRAPH_$build
    CG=${!CG_VAR:?set CITEGRAPH_A and CITEGRAPH_B to the two builds}
    nice -n 19 "$CG" serve --db "$DB" --port "$PORT" > "/tmp/request-time-$PORT.log" 2>&1 &
    SPID=$!
    for _ in $(seq 1 120); do curl -s -o /dev/null "http://localhost:$PORT/graphql" -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' && break; sleep 1; done
    echo "round $round build=$build load=$(cut -d' ' -f1-3 /proc/loadavg) $(nice -n 19 python3 "$HERE/request_time.py" "http://localhost:$PORT/graphql" $SPID "$IDS" 5)"
    kill $SPID; wait $SPID 2>/dev/null
  done
done
