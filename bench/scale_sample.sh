#!/usr/bin/env bash
# Samples a running stage of bench/run-scale.sh every N seconds until it ends: its resident and peak memory (VmRSS,
# VmHWM of the dotnet process), how far a load has got (paper rows in the store),
# and the store's size. A stage stopped before it finishes still leaves its rate and memory so far.
#   bench/scale_sample.sh PID OUT.jsonl [INPUT_FILE] [STORE_DB] [SECONDS]
set -u
pid=$1; out=$2; input=${3:-}; db=${4:-}; every=${5:-30}
size=0; [[ -n $input && -f $input ]] && size=$(stat -c %s "$input")
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null)
  # .NET reads files with positional reads (the descriptor's offset stays 0): how far a load got is the highest paper
  # key in the store (a read-only look at the last row of the paper table's B-tree; no lock on the writer).
  papers=0
  [[ -n $db && -f $db ]] && papers=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True, timeout=5); print(c.execute("SELECT coalesce(max(pk),0) FROM paper").fetchone()[0])' "$db" 2>/dev/null || echo -1)
  # CPU seconds so far (user + system, clock ticks of /proc/PID/stat): on a shared machine the work done, where wall time
  # is mostly waiting for a core.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat" 2>/dev/null)
  store=0; for f in "$db" "$db-wal"; do [[ -n $db && -f $f ]] && store=$((store + $(stat -c %s "$f"))); done
  printf '{"t": "%s", "rss_kib": %s, "hwm_kib": %s, "cpu_s": %s, "paper_rows": %s, "input_bytes": %s, "store_bytes": %s, "load": "%s"}\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${rss:-0}" "${hwm:-0}" "${cpu:-0}" "${papers:-0}" "$size" "$store" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out"
  sleep "$every"
done
