#!/usr/bin/env python3
"""Compares two CiteGraph SQLite stores table by table, row for row (rows sorted), as tests' StoreDump does: every
table except FTS shadow tables, derive_state (when the last full pass ran) and the version log (version, change_event,
analytics_history), whose timestamps differ between any two runs. Columns named in --ignore (table.column) are left out
(e.g. a run's timestamp). cites.kind is compared as a word: schema 23 stores it as 0 (explicit) / 1 (inferred), earlier
schemas as the word, so a store from before and one from after compare row for row. Exit 0 when equal; otherwise prints
each differing table with counts and a few rows.

  bench/compare-stores.py A.db B.db [--ignore analytics_run.ran_at ...]
"""
import argparse, sqlite3, sys

SKIP = {"derive_state", "version", "change_event", "analytics_history"}
# Columns whose stored form changed with a schema, read as the older form: (table, column) -> SQL expression.
AS_BEFORE = {("cites", "kind"): "CASE kind WHEN 0 THEN 'explicit' WHEN 1 THEN 'inferred' ELSE kind END"}

def dump(path, ignore):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'paper_fts%' ORDER BY name")]
    out = {}
    for t in tables:
        if t in SKIP:
            continue
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")') if f"{t}.{r[1]}" not in ignore]
        sel = ", ".join(AS_BEFORE.get((t, c), f'"{c}"') for c in cols)
        rows = sorted("|".join("NULL" if v is None else repr(v) for v in row) for row in con.execute(f'SELECT {sel} FROM "{t}"'))
        out[t] = rows
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a"); ap.add_argument("b"); ap.add_argument("--ignore", nargs="*", default=[])
    args = ap.parse_args()
    a, b = dump(args.a, set(args.ignore)), dump(args.b, set(args.ignore))
    differ = 0
    for t in sorted(set(a) | set(b)):
        ra, rb = a.get(t), b.get(t)
        if ra == rb:
            print(f"= {t}: {len(ra)} rows")
            continue
        differ += 1
        sa, sb = set(ra or []), set(rb or [])
        print(f"! {t}: {len(ra or [])} vs {len(rb or [])} rows; only in A {len(sa - sb)}, only in B {len(sb - sa)}")
        for r in sorted(sa - sb)[:3]: print("   A:", r[:200])
        for r in sorted(sb - sa)[:3]: print("   B:", r[:200])
    print("EQUAL" if differ == 0 else f"{differ} tables differ")
    sys.exit(0 if differ == 0 else 1)

main()
