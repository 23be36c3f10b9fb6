#!/usr/bin/env python3
"""Storage of the version tables (dbstat) and query times of asOf against the present, over HTTP, in one run.
Usage: versions_bench.py DB 'dotnet …/citegraph.dll' OUTDIR NAME  (prints JSON; reads OUTDIR/NAME-*.time)."""
import json, os, random, sqlite3, statistics, subprocess, sys, time, urllib.request

db, cg, out, name = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
con = sqlite3.connect(db)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
tables = {}
for table, size in con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
    tables[table] = size
total = sum(tables.values())
version_objects = ["version", "change_event", "change_event_by_version", "change_event_of_paper", "change_event_added",
                   "change_event_moved", "analytics_history",
                   "analytics_history_page_rank", "analytics_history_betweenness", "analytics_history_core", "analytics_history_citations",
                   "cites_by_version"]
versions_bytes = sum(tables.get(n, 0) for n in version_objects)
events = dict(con.execute("SELECT kind, COUNT(*) FROM change_event WHERE kind <> 7 GROUP BY kind").fetchall())
if con.execute("PRAGMA user_version").fetchone()[0] >= 19:
    # Schema 19: a citation row stamped with a version is its CITATION_ADDED event (but for rows a stub's absorption moved).
    rows = con.execute("SELECT COUNT(*) FROM cites WHERE version IS NOT NULL").fetchone()[0]
    moved = con.execute("SELECT COUNT(*) FROM change_event WHERE kind = 7").fetchone()[0]
    events[4] = events.get(4, 0) + rows - moved
papers = con.execute("SELECT COUNT(*) FROM paper WHERE is_stub = 0").fetchone()[0]
v = [r[0] for r in con.execute("SELECT number FROM version ORDER BY number")]
ids = [r[0] for r in con.execute("SELECT id FROM paper WHERE is_stub = 0")]
con.close()

port = 5790 if name == "ours" else 5791
server = subprocess.Popen(cg.split() + ["serve", "--db", db, "--port", str(port), "--CiteGraph:Http:RateLimitPerMinute=0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
url = f"http://localhost:{port}/graphql"

def ask(query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        answer = json.load(r)
    if "errors" in answer:
        raise RuntimeError(json.dumps(answer["errors"]))
    return (time.perf_counter() - t) * 1000

def wait_until_answering():
    """Up to 5 minutes for a server just started to answer a query."""
    for _ in range(600):
        try:
            ask("{ stats { papers } }"); return
        except Exception:
            time.sleep(0.5)

try:
    wait_until_answering()
    rng = random.Random(7)
    sample = rng.sample(ids, 300)
    first_v, analyze_v, last_v = f"v{v[0]}", f"v{v[1]}", f"v{v[-1]}"
    def median_of(query, make_vars, n):
        try:
            for i in range(5 if n > 5 else 1):  # warm-up calls (one for the slow ones)
                ask(query, make_vars(i))
            return statistics.median(ask(query, make_vars(i)) for i in range(n))
        except Exception as error:  # an error answer or a timeout (120 s): reported as text
            return str(error)[:200]
    now_paper = median_of("query($id: ID!) { paper(id: $id) { id title year pageRank } }", lambda i: {"id": sample[i]}, 300)
    asof_paper = median_of("query($id: ID!, $v: ID!) { paper(id: $id, asOf: $v) { id title year pageRank } }", lambda i: {"id": sample[i], "v": first_v}, 300)
    now_rank = median_of("{ ranking(metric: PAGERANK, first: 20) { rank score } }", lambda i: None, 30)
    asof_rank = median_of("query($v: ID!) { ranking(metric: PAGERANK, first: 20, asOf: $v) { rank score } }", lambda i: {"v": analyze_v}, 30)
    now_cites = median_of("{ ranking(metric: CITATIONS, first: 20) { rank score } }", lambda i: None, 5)
    asof_cites = median_of("query($v: ID!) { ranking(metric: CITATIONS, first: 20, asOf: $v) { rank score } }", lambda i: {"v": first_v}, 5)
    asof_cites_last = median_of("query($v: ID!) { ranking(metric: CITATIONS, first: 20, asOf: $v) { rank score } }", lambda i: {"v": last_v}, 5)
    # The whole of the last load's events, page after page of 500 (the cursor of each page asks for the next).
    walk_start = time.perf_counter(); pages = 0; after = None
    try:
        while True:
            body = json.dumps({"query": "query($v: ID!, $a: String) { changes(since: $v, first: 500, after: $a) { pageInfo { hasNextPage endCursor } edges { node { sequence kind paperId } } } }",
                               "variables": {"v": analyze_v, "a": after}}).encode()
            with urllib.request.urlopen(urllib.request.Request(url, body, {"Content-Type": "application/json"}), timeout=120) as r:
                page = json.load(r)["data"]["changes"]
            pages += 1
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        walk = {"pages": pages, "ms": round((time.perf_counter() - walk_start) * 1000, 1)}
    except Exception as error:
        walk = str(error)[:200]
    changes_page = median_of("query($v: ID!) { changes(since: $v, first: 500) { edges { node { sequence kind paperId } } } }", lambda i: {"v": analyze_v}, 30)
finally:
    server.terminate(); server.wait()

# ranking(CITATIONS, asOf: last) again with no snapshot to walk back from: a copy of the store with one more version begun
# and never finished (as while a load is running), so the server's snapshot shows no finished version and the answer
# starts from the analyze run's kept counts, forwards over every row the last load wrote. The peer answers it as above.
import shutil
copy = os.path.join(out, f"{name}-unfinished.db")
shutil.copyfile(db, copy)
try:
    c = sqlite3.connect(copy)
    c.execute("INSERT INTO version (kind, started_at) VALUES ('LOAD', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
    c.commit(); c.close()
    server = subprocess.Popen(cg.split() + ["serve", "--db", copy, "--port", str(port), "--CiteGraph:Http:RateLimitPerMinute=0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_answering()
        asof_cites_last_no_snapshot = median_of(
            "query($v: ID!) { ranking(metric: CITATIONS, first: 20, asOf: $v) { rank score } }", lambda i: {"v": last_v}, 5)
    finally:
        server.terminate(); server.wait()
finally:
    for f in (copy, copy + "-wal", copy + "-shm"):
        if os.path.exists(f):
            os.remove(f)

def read(file):
    with open(os.path.join(out, f"{name}-{file}")) as f:
        return f.read().strip()

print(json.dumps({
    "papers": papers, "versions": v, "events": {str(k): n for k, n in events.items()},
    "fileBytes": total, "versionTablesBytes": versions_bytes, "share": round(versions_bytes / total, 4),
    "bytesPerObject": {n: tables.get(n, 0) for n in version_objects + ["cites", "cites_dst", "paper"]},
    "load1Seconds": float(read("load1.time").splitlines()[-1]), "analyzeSeconds": float(read("analyze.time").splitlines()[-1]),
    "load2Seconds": float(read("load2.time").splitlines()[-1]),
    "loadAverage": open("/proc/loadavg").read().split()[:3],
    "msMedian": {"paper": now_paper, "paperAsOf": asof_paper, "rankingPageRank": now_rank, "rankingPageRankAsOf": asof_rank,
                 "rankingCitations": now_cites, "rankingCitationsAsOf": asof_cites, "rankingCitationsAsOfLast": asof_cites_last,
                 "rankingCitationsAsOfLastNoSnapshot": asof_cites_last_no_snapshot,
                 "changesPage500": changes_page, "changesWalkOfLastLoad": walk},
}, indent=1))
