"""Counts what a load wrote to a SQLite file, for the ingest benchmark (bench/run-ingest.sh).

usage: ingest_count.py <db>   -> one JSON line

Relationships are the rows written for graph relationships: cites (CITES, by kind where the table has one), authored
(AUTHORED) and paper_repo (REFERENCES_REPO). external_id, paper_source, paper_link and paper_mention are attributes or
provenance, not relationships, and are left out. Tables a store does not have (the peer has no paper_repo) are absent
from the output.
"""
import json
import sqlite3
import sys


def main():
    con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    columns = lambda t: {r[1] for r in con.execute(f"PRAGMA table_info({t})")}
    one = lambda sql: con.execute(sql).fetchone()[0]
    out = {"papers": one("SELECT count(*) FROM paper WHERE is_stub = 0"), "stubs": one("SELECT count(*) FROM paper WHERE is_stub <> 0"),
           "authors": one("SELECT count(*) FROM author")}
    rel = {}
    if "kind" in columns("cites"):
        for kind, n in con.execute("SELECT kind, count(*) FROM cites GROUP BY kind ORDER BY kind"):
            # CiteGraph stores the kind as 0 (explicit) / 1 (inferred) since schema 23; earlier stores and the peer, as words.
            rel[f"cites_{ {0: 'explicit', 1: 'inferred'}.get(kind, kind)}"] = n
        rel.setdefault("cites_explicit", 0)
    else:
        rel["cites_explicit"] = one("SELECT count(*) FROM cites")
    rel["authored"] = one("SELECT count(*) FROM authored")
    if "paper_repo" in tables:
        rel["paper_repo"] = one("SELECT count(*) FROM paper_repo")
    out["relationships"] = rel
    out["relationships_total"] = sum(rel.values())
    con.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
