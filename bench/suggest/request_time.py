"""Warm suggestedReferences request times against a running citegraph serve: median wall ms and server CPU ms per request."""
import json, statistics, sys, time, urllib.request

url, pid, ids = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
reps = int(sys.argv[4]) if len(sys.argv) > 4 else 5
Q = "query($id: ID!) { suggestedReferences(paperId: $id, first: 10) { score paper { id } reasons { kind detail } } }"

def ask(pid_):
    body = json.dumps({"query": Q, "variables": {"id": pid_}}).encode()
    req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        data = json.load(r)
    ms = (time.perf_counter() - t) * 1000
    if "errors" in data:
        raise SystemExit("error for %s: %s" % (pid_, data["errors"]))
    return ms, [s["paper"]["id"] for s in data["data"]["suggestedReferences"]]

def cpu():
    f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / 100.0  # utime + stime, seconds (USER_HZ 100)

t0 = time.perf_counter()
first_ms, _ = ask(ids[0])  # builds the corpus of the snapshot (text index, stored vectors): not a warm request
for i in ids:
    ask(i)  # one warm-up per paper
walls, c0 = [], cpu()
answers = {}
for _ in range(reps):
    for i in ids:
        ms, got = ask(i)
        walls.append(ms)
        answers[i] = got
c1 = cpu()
print(json.dumps({"first_request_ms": round(first_ms, 1), "requests": len(walls), "median_ms": round(statistics.median(walls), 1),
                  "p90_ms": round(sorted(walls)[int(0.9 * len(walls)) - 1], 1), "max_ms": round(max(walls), 1),
                  "server_cpu_ms_per_request": round((c1 - c0) * 1000 / len(walls), 1), "answers": {k: v[:3] for k, v in answers.items()}}))
