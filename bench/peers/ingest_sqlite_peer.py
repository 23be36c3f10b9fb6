"""The least an OpenAlex loader must do, as a peer for the ingest benchmark (bench/run-ingest.sh).

usage: ingest_sqlite_peer.py <works.jsonl> <out.db>

Python 3 standard library only (json + sqlite3). Reads OpenAlex works as JSON lines, rebuilds each abstract from
abstract_inverted_index, and writes papers, authors + authored, and cites (work id -> rowid through a dict; an id not
seen yet becomes a stub paper, filled in if its work comes later) plus an FTS5 index over title + abstract with our
tokenizer, in large transactions with executemany. No resolution across sources (DOI/arXiv/title), no provenance, no
repository or mention extraction. Same pragmas as our store's write connection (WAL, synchronous NORMAL, 256 MB cache,
no foreign keys); the citation-target index is built at the end, as our bulk loads do.

Prints one JSON line: papers, stubs, cites, authored, authors, seconds.
"""
import json
import os
import sqlite3
import sys
import time

BATCH = 50_000

SCHEMA = """
CREATE TABLE paper (
    pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, abstract TEXT, year INTEGER,
    published TEXT, doi TEXT, is_stub INTEGER NOT NULL DEFAULT 0);
CREATE TABLE author (pk INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE authored (
    author_pk INTEGER NOT NULL, paper_pk INTEGER NOT NULL, position INTEGER,
    PRIMARY KEY (author_pk, paper_pk)) WITHOUT ROWID;
CREATE TABLE cites (src_pk INTEGER NOT NULL, dst_pk INTEGER NOT NULL, PRIMARY KEY (src_pk, dst_pk)) WITHOUT ROWID;
CREATE VIRTUAL TABLE paper_fts USING fts5 (
    title, abstract, content = 'paper', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2');
"""


def work_key(url):
    """https://openalex.org/W123 -> W123."""
    return url.rsplit("/", 1)[-1] if isinstance(url, str) and url else None


def rebuild_abstract(index):
    if not isinstance(index, dict):
        return None
    words = {}
    for word, positions in index.items():
        for p in positions or ():
            if isinstance(p, int) and p >= 0:
                words[p] = word
    return " ".join(words[p] for p in sorted(words)) if words else None


def main():
    path, db = sys.argv[1], sys.argv[2]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    start = time.perf_counter()
    con = sqlite3.connect(db, isolation_level=None)
    con.executescript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; "
                      "PRAGMA foreign_keys = OFF;" + SCHEMA)

    pk_of = {}          # work id -> paper rowid (stubs included)
    stubs = set()       # rowids of stubs not filled in yet
    author_pk = {}      # author name -> rowid
    next_pk = 1
    counts = dict(papers=0, stubs=0, cites=0, authored=0, rejected=0)
    papers, fills, fts, new_authors, authored, cites = [], [], [], [], [], []

    def flush():
        con.execute("BEGIN")
        con.executemany("INSERT INTO paper (pk, id, title, abstract, year, published, doi, is_stub) VALUES (?,?,?,?,?,?,?,?)", papers)
        con.executemany("UPDATE paper SET title = ?, abstract = ?, year = ?, published = ?, doi = ?, is_stub = 0 WHERE pk = ?", fills)
        con.executemany("INSERT INTO paper_fts (rowid, title, abstract) VALUES (?,?,?)", fts)
        con.executemany("INSERT INTO author (pk, name) VALUES (?,?)", new_authors)
        con.executemany("INSERT OR IGNORE INTO authored (author_pk, paper_pk, position) VALUES (?,?,?)", authored)
        con.executemany("INSERT OR IGNORE INTO cites (src_pk, dst_pk) VALUES (?,?)", cites)
        con.execute("COMMIT")
        for rows in (papers, fills, fts, new_authors, authored, cites):
            rows.clear()

    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                w = json.loads(line)
                key = work_key(w.get("id"))
                title = w.get("title") or w.get("display_name")
            except (ValueError, AttributeError):
                key = title = None
            if not key or not title:
                counts["rejected"] += 1
                continue
            abstract = rebuild_abstract(w.get("abstract_inverted_index"))
            row = (title, abstract, w.get("publication_year"), w.get("publication_date"), w.get("doi"))
            pk = pk_of.get(key)
            if pk is None:
                pk = pk_of[key] = next_pk
                next_pk += 1
                papers.append((pk, key) + row + (0,))
            elif pk in stubs:
                stubs.discard(pk)
                fills.append(row + (pk,))
            else:
                continue  # the same work twice: first one wins
            counts["papers"] += 1
            fts.append((pk, title, abstract))
            for position, a in enumerate(w.get("authorships") or (), 1):
                name = ((a or {}).get("author") or {}).get("display_name") or (a or {}).get("raw_author_name")
                if not name:
                    continue
                apk = author_pk.get(name)
                if apk is None:
                    apk = author_pk[name] = len(author_pk) + 1
                    new_authors.append((apk, name))
                authored.append((apk, pk, position))
            for ref in set(w.get("referenced_works") or ()):
                target = work_key(ref)
                if not target:
                    continue
                dst = pk_of.get(target)
                if dst is None:
                    dst = pk_of[target] = next_pk
                    next_pk += 1
                    stubs.add(dst)
                    counts["stubs"] += 1
                    papers.append((dst, target, target, None, None, None, None, 1))
                cites.append((pk, dst))
            if counts["papers"] % BATCH == 0:
                flush()
    flush()
    con.execute("CREATE INDEX cites_dst ON cites (dst_pk)")
    counts["cites"] = con.execute("SELECT count(*) FROM cites").fetchone()[0]
    counts["authored"] = con.execute("SELECT count(*) FROM authored").fetchone()[0]
    counts["authors"] = len(author_pk)
    counts["stubs_left"] = len(stubs)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    counts["seconds"] = time.perf_counter() - start
    print(json.dumps(dict(impl="python-sqlite3", **counts)), flush=True)


if __name__ == "__main__":
    main()
