"""CPU time a `citegraph serve` spends per search (bench/run-search-cpu.sh): on a machine shared with other builds, wall
times and req/s move with the load, but the server's own CPU seconds per request do not (much).

usage: search_cpu.py PORT PID WORDS_FILE N LABEL
Asks each query of WORDS_FILE (first N lines) once, one at a time, in KEYWORD mode and HYBRID (the default), and
prints the server's CPU seconds (utime + stime from /proc/PID/stat) per query and the wall time per query."""
import json, os, sys, time, urllib.request

port, pid, words, n, label = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
tick = os.sysconf("SC_CLK_TCK")


def cpu():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick


def search(text, mode):
    body = json.dumps({"query": "query($t:String!){ search(text:$t, first:10, mode:%s){ score paper { id title } } }" % mode,
                       "variables": {"t": text}}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        answer = json.load(r)
    if "errors" in answer:
        raise SystemExit(f"{text}: {answer['errors']}")
    return answer


def settle():
    # Background work (the word lists) done: the server's CPU stops moving.
    last = cpu()
    while True:
        time.sleep(3)
        now = cpu()
        if now - last < 0.05:
            return
        last = now


queries = [l.strip() for l in open(words) if l.strip()][:n]
settle()
for mode in ("KEYWORD", "HYBRID"):
    c0, w0 = cpu(), time.monotonic()
    for q in queries:
        search(q, mode)
    c1, w1 = cpu(), time.monotonic()
    settle()
    c2 = cpu()
    print(f"{label} {mode} {len(queries)} queries of {os.path.basename(words)}: {1000 * (c1 - c0) / len(queries):.2f} ms CPU/query "
          f"({1000 * (c2 - c0) / len(queries):.2f} with background work after), {1000 * (w1 - w0) / len(queries):.1f} ms wall/query; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
